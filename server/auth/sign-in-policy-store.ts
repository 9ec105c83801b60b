// The team's sign-in policy (lib/auth/sign-in-policy.ts): read at every
// sign-in, shown to managers, changed by admins (who may let people in).
import { DEFAULT_SIGN_IN_POLICY, signInPolicySchema, type SignInPolicy } from '@/lib/auth/sign-in-policy';
import type { Caller } from './tokens';
import type { Db } from '../db/connect';
import { teamSignIn } from '../db/schema';
import { teamSetting } from '../packets/team-setting';

const policy = teamSetting<SignInPolicy>('signInPolicy', teamSignIn, signInPolicySchema, DEFAULT_SIGN_IN_POLICY, { roles: ['admin'], what: 'change how people sign in', action: 'team.signIn' });

export const signInPolicyFor = policy.read;

/** `input`: already parsed by the route (400 with the field path otherwise). */
export const saveSignInPolicy = (db: Db, caller: Caller, input: SignInPolicy) => policy.save(db, caller, () => input);
