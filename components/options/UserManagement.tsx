// Admins (options page → #users): the team's people — add, change role,
// channel and department — and their tokens: make one (shown once, to pass
// on), revoke one. Everything goes through the server's admin routes.
import { useCallback, useEffect, useState } from 'react';
import { createUserBodySchema } from '@/lib/sync/api-schemas';
import { ROLES } from '@/lib/packet/edit-rights';
import { useFormErrors } from '../shared/form-errors';
import { useLocale, useT } from '../shared/i18n';
import { errorText, serverApi, type ServerAnswer } from '../shared/server-api';

interface User {
  id: number;
  name: string;
  role: (typeof ROLES)[number];
  channel: string | null;
  department: string | null;
}
interface Token {
  id: number;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export function UserManagement() {
  const t = useT();
  const locale = useLocale();
  const [users, setUsers] = useState<User[] | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [tokens, setTokens] = useState<Token[]>([]);
  const [fresh, setFresh] = useState<{ userId: number; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', role: 'rep' as User['role'], channel: '', department: '' });
  const adding = useFormErrors('user', ['name', 'role', 'channel', 'department']);

  const fail = useCallback((r: ServerAnswer<unknown>, input?: unknown) => setError(errorText(r, locale, { form: 'user', input })), [locale]);
  const load = useCallback(async () => {
    const r = await serverApi<{ users: User[] }>('GET', '/v1/users?limit=200');
    if (r.ok) setUsers(r.json.users);
    else fail(r);
  }, [fail]);
  const loadTokens = useCallback(async (id: number) => {
    const r = await serverApi<{ tokens: Token[] }>('GET', `/v1/users/${id}/tokens`);
    if (r.ok) setTokens(r.json.tokens);
  }, []);
  useEffect(() => void load(), [load]);

  const change = async (u: User, patch: Partial<Pick<User, 'role' | 'channel' | 'department'>>) => {
    const r = await serverApi('PATCH', `/v1/users/${u.id}`, patch);
    if (!r.ok) fail(r, patch);
    else setError(null);
    await load();
  };

  return (
    <section className="card" id="users" aria-labelledby="users-h">
      <h2 id="users-h">{t('users.heading')}</h2>
      {users === null ? (
        !error && (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> {t('loading')}
          </p>
        )
      ) : (
        <table className="users">
          <thead>
            <tr>
              <th>{t('users.name')}</th>
              <th>{t('users.role')}</th>
              <th>{t('users.channel')}</th>
              <th>{t('users.department')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user-id={u.id}>
                <td>{u.name}</td>
                <td>
                  <select aria-label={t('users.role')} value={u.role} onChange={(e) => void change(u, { role: e.target.value as User['role'] })}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={t('users.channel')} defaultValue={u.channel ?? ''} placeholder="direct / telesales / partner:NAME" onBlur={(e) => e.target.value !== (u.channel ?? '') && void change(u, { channel: e.target.value || null })} />
                </td>
                <td>
                  <input aria-label={t('users.department')} defaultValue={u.department ?? ''} onBlur={(e) => e.target.value !== (u.department ?? '') && void change(u, { department: e.target.value.trim() || null })} />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setOpen(open === u.id ? null : u.id);
                      setFresh(null);
                      void loadTokens(u.id);
                    }}
                  >
                    {t('users.tokens')}
                  </button>
                  {open === u.id && (
                    <div className="tokens" data-field="tokens">
                      {tokens.map((k) => (
                        <div key={k.id} data-token-id={k.id}>
                          #{k.id} {k.label} · {new Date(k.createdAt).toLocaleDateString(locale)}{' '}
                          {k.revokedAt ? (
                            <span className="muted">{t('users.revoked')}</span>
                          ) : (
                            <button type="button" className="link" onClick={async () => (await serverApi('DELETE', `/v1/tokens/${k.id}`), void loadTokens(u.id))}>
                              {t('users.revoke')}
                            </button>
                          )}
                        </div>
                      ))}
                      <button
                        type="button"
                        data-field="new-token"
                        onClick={async () => {
                          const r = await serverApi<{ token: string }>('POST', `/v1/users/${u.id}/tokens`, { label: new Date().toISOString().slice(0, 10) });
                          if (r.ok) setFresh({ userId: u.id, token: r.json.token });
                          else fail(r);
                          await loadTokens(u.id);
                        }}
                      >
                        {t('users.newToken')}
                      </button>
                      {fresh?.userId === u.id && (
                        <p className="warn">
                          {t('users.tokenOnce')} <code className="mono" data-field="fresh-token">{fresh.token}</code>
                        </p>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="row"
        data-field="add-user"
        ref={adding.ref}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const body = {
            name: draft.name,
            role: draft.role,
            ...(draft.channel.trim() ? { channel: draft.channel.trim() } : {}),
            ...(draft.department.trim() ? { department: draft.department.trim() } : {}),
          };
          const local = createUserBodySchema.safeParse(body);
          if (!local.success) return adding.fromZod(local.error, body);
          const r = await serverApi('POST', '/v1/users', body);
          if (!r.ok) return adding.fromAnswer(r, body);
          adding.clear();
          setError(null);
          setDraft({ name: '', role: 'rep', channel: '', department: '' });
          await load();
        }}
      >
        <label className="field">
          <span>{t('users.name')}</span>
          <input name="name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} {...adding.aria('name')} />
          {adding.at('name')}
        </label>
        <label className="field">
          <span>{t('users.role')}</span>
          <select name="role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as User['role'] })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('users.channel')}</span>
          <input name="channel" placeholder="direct / telesales / partner:NAME" value={draft.channel} onChange={(e) => setDraft({ ...draft, channel: e.target.value })} {...adding.aria('channel')} />
          {adding.at('channel')}
        </label>
        <label className="field">
          <span>{t('users.department')}</span>
          <input name="department" value={draft.department} onChange={(e) => setDraft({ ...draft, department: e.target.value })} {...adding.aria('department')} />
          {adding.at('department')}
        </label>
        <button type="submit" className="primary">
          {t('users.add')}
        </button>
      </form>
      {adding.summary('users-error')}
      {error && (
        <p className="errors" role="alert" data-field="users-change-error">
          {error}
        </p>
      )}
    </section>
  );
}
