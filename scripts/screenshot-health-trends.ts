// Regenerates docs/screenshots/health-trends.png (README, "Health trends"):
// the manager's health trends in Chinese on eight weeks of seeded handoffs by
// three reps and two CSMs, with the CSMs' retrospectives. Not part of any test run, so normal runs never
// rewrite it: `npm run build && node --import tsx scripts/screenshot-health-trends.ts`.
import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { createToken } from '@/server/auth/tokens';
import { REVIEW_SECTIONS } from '@/lib/engagement/retrospective';
import { retrospectives, users } from '@/server/db/schema';
import { playHandoff, type Step } from '../test/e2e/harness/handoff-history';
import { startFixtureServer } from '../test/e2e/harness/fixture-server';
import { sessions } from '../test/e2e/harness/session';
import { startTestServer } from '../test/e2e/harness/sync-server';
import { freePort } from '../test/free-port';
import { seedTeam } from '../test/server/harness/seed';

const fixtures = await startFixtureServer({ port: 0 });
const sync = await startTestServer(await freePort());
const team = await seedTeam(sync.database, '华东大客户部');
const person = async (name: string, role: 'rep' | 'csm') => {
  const [u] = await sync.database.db.insert(users).values({ teamId: team.teamId, name, role }).returning();
  return (await createToken(sync.database.db, u!.id)).token;
};
const rename = async (who: 'rep' | 'rep2' | 'csm', name: string) => {
  await sync.database.db.update(users).set({ name }).where(eq(users.id, team.userIds[who]));
};
await rename('rep', '王芳');
await rename('rep2', '李强');
await rename('csm', '赵敏');
const reps = [team.tokens.rep, team.tokens.rep2, await person('陈静', 'rep')];
const csms = [team.tokens.csm, await person('孙磊', 'csm')];
const followUp = { kind: 'add', list: 'followUps', item: { id: 'f1', summary: '现场演示' } };

// Eight weeks of handoffs: every rep submits most weeks; some are returned first; most intros go out in time.
const plays: { steps: Step[]; extra: boolean }[] = [
  { steps: ['submit', 'accept', 'intro'], extra: true },
  { steps: ['submit', 'return', 'submit', 'accept', 'intro'], extra: false },
  { steps: ['submit', 'accept'], extra: true },
  { steps: ['submit', 'return'], extra: false },
  { steps: ['submit', 'accept', 'intro'], extra: false },
];
let n = 0;
for (let week = 7; week >= 0; week--) {
  for (let r = 0; r < reps.length; r++) {
    const count = 1 + ((week + r) % 3);
    for (let i = 0; i < count; i++) {
      const play = plays[(n + r) % plays.length]!;
      const closeDate = new Date(Date.now() - (week * 7 + 2) * 86_400_000).toISOString().slice(0, 10);
      await playHandoff(sync, { key: `fxiaoke:fxiaoke.com:deal-${++n}`, rep: reps[r]!, csm: csms[(n + week) % 2]!, steps: play.steps, daysAgo: week * 7 + (i % 3), closeDate, ...(play.extra ? { extra: [followUp] } : {}) });
    }
  }
}

// The CSMs' retrospectives of handoffs accepted a month or more ago: mostly right, a few sections wrong or missing.
const [csmA, csmB] = [team.userIds.csm, (await sync.database.db.select({ id: users.id }).from(users).where(eq(users.name, '孙磊')))[0]!.id];
const repIds = [team.userIds.rep, team.userIds.rep2];
for (let i = 0; i < 12; i++) {
  const right = 7 + (i % 5);
  const sections = Object.fromEntries(REVIEW_SECTIONS.map((id, j) => [id, { verdict: j < right ? 'right' : j % 2 ? 'wrong' : 'missing', note: '' }]));
  const submittedAt = new Date(Date.now() - (i % 6) * 7 * 86_400_000 - 3_600_000);
  await sync.database.db.insert(retrospectives).values({ teamId: team.teamId, packetKey: `fxiaoke:fxiaoke.com:deal-${i + 1}`, repUserId: repIds[i % 2]!, csmUserId: i % 3 ? csmA : csmB, acceptedAt: new Date(submittedAt.getTime() - 30 * 86_400_000), sections: sections as never, profileFit: 'yes', submittedAt });
}

const { signedIn, closeAll } = sessions(() => fixtures.port, () => sync.url);
try {
  const manager = await signedIn(team.tokens.manager, 'zh-CN');
  const page = await manager.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`chrome-extension://${manager.extensionId}/options.html#health-trends`);
  const card = page.locator('[data-field="health-trends"]');
  await card.locator('[data-chart="rep"] canvas').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  mkdirSync('docs/screenshots', { recursive: true });
  await card.screenshot({ path: 'docs/screenshots/health-trends.png' });
  console.log('wrote docs/screenshots/health-trends.png');
} finally {
  await closeAll();
  await sync.close();
  await fixtures.close();
}
