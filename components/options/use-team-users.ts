// The team's people as the admin routes give them (GET /v1/users), with the
// one change an admin makes in place (PATCH /v1/users/:id) and the last error.
import { useCallback, useEffect, useState } from 'react';
import { usersAnswerSchema, type TeamUser } from '@/lib/sync/api-responses';
import { useLocale } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';

export type { TeamUser };


export type UserPatch = Partial<Pick<TeamUser, 'role' | 'channel' | 'department'>>;

/**
 * users: null until the first answer; error: the last failure as localized
 * text (null after a success); fail(answer, input?) records a failed answer.
 */
export function useTeamUsers() {
  const locale = useLocale();
  const [users, setUsers] = useState<TeamUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = useCallback((r: ServerAnswer<unknown>, input?: unknown) => setError(errorText(r, locale, { form: 'user', input })), [locale]);
  const load = useCallback(async () => {
    const r = await serverApi('GET', '/v1/users?limit=200', undefined, usersAnswerSchema);
    if (r.ok) setUsers(r.json.users);
    else fail(r);
  }, [fail]);
  useEffect(() => void load(), [load]);

  const change = async (u: TeamUser, patch: UserPatch) => {
    const r = await serverApi('PATCH', `/v1/users/${u.id}`, patch);
    if (!r.ok) fail(r, patch);
    else setError(null);
    await load();
  };
  const added = async () => {
    setError(null);
    await load();
  };

  return { users, error, fail, change, added };
}
