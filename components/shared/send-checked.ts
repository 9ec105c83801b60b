// A form's send: the body is checked here with the same zod schema the server
// uses, and only sent when it passes; a refusal, ours or the server's 400,
// lands at its fields (useFormErrors), and a success clears the old errors.
import type { useFormErrors } from './form-errors';
import { serverApi, type ServerAnswer } from './server-api';

type FormErrors = ReturnType<typeof useFormErrors>;
type Checks = { safeParse: (v: unknown) => { success: true } | { success: false; error: Parameters<FormErrors['fromZod']>[0] } };

/** The server's answer when it accepted `body`; null when it was refused (the form shows why). */
export async function sendChecked(form: FormErrors, schema: Checks, method: 'POST' | 'PUT', path: string, body: unknown): Promise<ServerAnswer<unknown> | null> {
  const local = schema.safeParse(body);
  if (!local.success) return (form.fromZod(local.error, body), null);
  const r = await serverApi(method, path, body);
  if (!r.ok) return (form.fromAnswer(r, body), null);
  form.clear();
  return r;
}
