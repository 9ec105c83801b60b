// Partners never see another partner's identity (lib/claims/README.md): what the
// caller may know of a person in claim answers.
import type { Caller } from '../auth/tokens';

export const isPartner = (channel: string | null) => channel?.startsWith('partner:') ?? false;

/** The person as the caller may see them: partners learn only about themselves. */
export function person(caller: Caller, u: { id: number; name: string; channel: string | null }) {
  if (u.id === caller.userId || !isPartner(caller.channel)) return { userId: u.id, name: u.name };
  return null;
}
