// Runs before `npm start` and `npm run server` (prestart, preserver), in plain
// CommonJS so that even an old Node can run it: an unsupported Node version is
// one clear sentence, not a syntax error from deep inside a dependency.
'use strict';
var fs = require('fs');
var path = require('path');

/** [major, minor, patch] of "v20.6.1" or ">=20.6.0". */
function parts(v) {
  var m = /(\d+)\.(\d+)\.(\d+)/.exec(String(v)) || /(\d+)\.(\d+)/.exec(String(v)) || /(\d+)/.exec(String(v));
  return [Number(m && m[1]) || 0, Number(m && m[2]) || 0, Number(m && m[3]) || 0];
}

/** -1, 0 or 1 as a is before, equal to or after b. */
function compare(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** Does [major, minor, patch] satisfy one alternative of an engines range: ">=X.Y.Z" (this or newer) or "^X.Y.Z" (this or newer within major X)? */
function satisfies(have, alternative) {
  var m = /^\s*(>=|\^)?\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(alternative);
  if (!m) return false;
  var need = parts(m[2]);
  if (m[1] === '^' && have[0] !== need[0]) return false;
  return compare(have, need) >= 0;
}

/** The problem with running on `version` given package.json's engines.node (">=X.Y.Z", or alternatives "^20.6.0 || ^22.0.0"), or null. */
function nodeVersionProblem(version, wanted) {
  var have = parts(version);
  var ok = String(wanted)
    .split('||')
    .some(function (alternative) {
      return satisfies(have, alternative);
    });
  if (ok) return null;
  return 'Baton needs Node.js ' + wanted + ' (package.json "engines"); this is Node.js ' + version + '. Install a current Node.js LTS (https://nodejs.org, or nvm install --lts) and run the command again.';
}

module.exports = { nodeVersionProblem: nodeVersionProblem };

if (require.main === module) {
  var pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  var problem = nodeVersionProblem(process.version, pkg.engines.node);
  if (problem) {
    console.error('\nBaton cannot start: ' + problem + '\n');
    process.exit(1);
  }
}
