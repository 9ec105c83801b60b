// The team's sign-in policy (lib/auth/sign-in-policy.ts): read at every
// sign-in, shown to managers, changed by admins (who may let people in).
import { eq } from 'drizzle-orm';
import { DEFAULT_SIGN_IN_POLICY, signInPolicySchema, type SignInPolicy } from '@/lib/auth/sign-in-policy';
import { settingVersion } from '@/lib/stored/setting-versions';
import { audit, type Tx } from '../audit';
import type { Caller } from './tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { teamSignIn } from '../db/schema';
import { requireRole } from '../http/auth';
import { storedSettingOr } from '../packets/team-setting';

const schemaVersion = settingVersion('signInPolicy');

export async function signInPolicyFor(db: Db | Tx, teamId: number): Promise<SignInPolicy> {
  const [row] = await db.select({ doc: teamSignIn.policy, v: teamSignIn.schemaVersion }).from(teamSignIn).where(eq(teamSignIn.teamId, teamId));
  return storedSettingOr('signInPolicy', row, signInPolicySchema, DEFAULT_SIGN_IN_POLICY);
}

/** `policy`: already parsed by the route (400 with the field path otherwise). */
export async function saveSignInPolicy(db: Db, caller: Caller, policy: SignInPolicy): Promise<SignInPolicy> {
  requireRole(caller, ['admin'], 'change how people sign in');
  return writeTransaction(db, async (tx) => {
    const before = await signInPolicyFor(tx, caller.teamId);
    await tx
      .insert(teamSignIn)
      .values({ teamId: caller.teamId, policy, schemaVersion })
      .onConflictDoUpdate({ target: teamSignIn.teamId, set: { policy, schemaVersion, updatedAt: new Date() } });
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'team.signIn', before, after: policy });
    return policy;
  });
}
