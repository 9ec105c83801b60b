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

/** The problem with running on `version` given package.json's engines.node (">=X.Y.Z"), or null. */
function nodeVersionProblem(version, wanted) {
  var have = parts(version);
  var need = parts(wanted);
  for (var i = 0; i < 3; i++) {
    if (have[i] > need[i]) return null;
    if (have[i] < need[i])
      return 'Baton needs Node.js ' + wanted + ' (package.json "engines"); this is Node.js ' + version + '. Install a current Node.js LTS (https://nodejs.org, or nvm install --lts) and run the command again.';
  }
  return null;
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
