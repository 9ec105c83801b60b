// Admins: each person's chat identity — a mobile in international form and
// the user id in each chat tool — so a notice for them @mentions them.
import { useCallback, useEffect, useState } from 'react';
import { chatIdentitySchema, type ChatIdentity } from '@/lib/webhooks/config-schema';
import { useFormErrors } from '../shared/form-errors';
import { useT } from '../shared/i18n';
import { serverApi } from '../shared/server-api';
import { sendChecked } from '../shared/send-checked';
import { chatUsersAnswerSchema } from '@/lib/webhooks/api-responses';

const FIELDS = ['mobile', 'dingtalk', 'wecom', 'feishu', 'slack'] as const;
interface Person {
  id: number;
  name: string;
  chat: ChatIdentity;
}

function PersonChat({ person }: { person: Person }) {
  const t = useT();
  const [draft, setDraft] = useState<Record<string, string>>(Object.fromEntries(FIELDS.map((f) => [f, person.chat[f] ?? ''])));
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('chat', FIELDS);
  return (
    <form
      className="row"
      data-user-id={person.id}
      ref={form.ref}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const body = Object.fromEntries(FIELDS.flatMap((f) => (draft[f]!.trim() ? [[f, draft[f]!.trim()]] : [])));
        if (await sendChecked(form, chatIdentitySchema, 'PUT', `/v1/users/${person.id}/chat`, body)) setSaved(true);
      }}
    >
      <strong>{person.name}</strong>
      {FIELDS.map((f) => (
        <label className="field" key={f}>
          <span>{t(`chat.${f}`)}</span>
          <input name={f} value={draft[f]} placeholder={f === 'mobile' ? '+8613800138000' : ''} onChange={(e) => (setSaved(false), setDraft({ ...draft, [f]: e.target.value }))} {...form.aria(f)} />
          {form.at(f)}
        </label>
      ))}
      <button type="submit">{t('chat.save')}</button>
      {saved && <span role="status">{t('chat.saved')}</span>}
      {form.summary(`chat-error-${person.id}`)}
    </form>
  );
}

export function ChatIdentities() {
  const t = useT();
  const [people, setPeople] = useState<Person[]>([]);
  const load = useCallback(async () => {
    const r = await serverApi('GET', '/v1/users?limit=200', undefined, chatUsersAnswerSchema);
    if (r.ok) setPeople(r.json.users);
  }, []);
  useEffect(() => void load(), [load]);
  return (
    <details data-field="chat-identities">
      <summary>{t('chat.heading')}</summary>
      {people.map((p) => (
        <PersonChat key={p.id} person={p} />
      ))}
    </details>
  );
}
