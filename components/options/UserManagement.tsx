// Admins (options page → #users): the team's people — add, change role,
// channel and department — and their tokens (UserTokens). Everything goes
// through the server's admin routes.
import { useState } from 'react';
import { ROLES } from '@/lib/packet/edit-rights';
import { ChoiceOptions } from '../shared/ChoiceOptions';
import { useT } from '../shared/i18n';
import { AddUserForm } from './AddUserForm';
import { UserTokens } from './UserTokens';
import { useTeamUsers, type TeamUser } from './use-team-users';
import { TableHead } from '../shared/TableHead';

export function UserManagement() {
  const t = useT();
  const { users, error, fail, change, added } = useTeamUsers();
  const [open, setOpen] = useState<number | null>(null);

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
          <TableHead labels={[t('users.name'), t('users.role'), t('users.channel'), t('users.department'), '']} />
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user-id={u.id}>
                <td>{u.name}</td>
                <td>
                  <select aria-label={t('users.role')} value={u.role} onChange={(e) => void change(u, { role: e.target.value as TeamUser['role'] })}>
                    <ChoiceOptions values={ROLES} label={(r) => t(`role.${r}`)} />
                  </select>
                </td>
                <td>
                  <input aria-label={t('users.channel')} defaultValue={u.channel ?? ''} placeholder="direct / telesales / partner:NAME" onBlur={(e) => e.target.value !== (u.channel ?? '') && void change(u, { channel: e.target.value || null })} />
                </td>
                <td>
                  <input aria-label={t('users.department')} defaultValue={u.department ?? ''} onBlur={(e) => e.target.value !== (u.department ?? '') && void change(u, { department: e.target.value.trim() || null })} />
                </td>
                <td>
                  <UserTokens userId={u.id} open={open === u.id} onToggle={() => setOpen(open === u.id ? null : u.id)} onFail={fail} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddUserForm onAdded={added} />
      {error && (
        <p className="errors" role="alert" data-field="users-change-error">
          {error}
        </p>
      )}
    </section>
  );
}
