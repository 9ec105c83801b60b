// Errors of a form, in the UI language, where they belong: each problem next
// to the field it names (aria-invalid, aria-describedby), and a summary at the
// form's end that lists them all, each a button that takes the focus to its
// field (the pattern of the GOV.UK error summary). The same FieldIssues come
// from the client's own zod check and from the server's 400 answer
// (lib/i18n/issues.ts), so both read alike.
import { useEffect, useRef, useState } from 'react';
import { apiErrorText, answerIssues, placeIssues, type ApiErrorBody, type PlacedIssue } from '@/lib/i18n/api-errors';
import type { FormId } from '@/lib/i18n/field-labels';
import { fromZod, type FieldIssue, type ZodIssueLike } from '@/lib/i18n/issues';
import { useLocale } from './i18n';

type Shown = PlacedIssue & { field: string | null };

const domId = (form: string, field: string) => `err-${form}-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The field an issue belongs to: the longest field name that is its path or a parent of it. */
export function placeByPrefix(fields: readonly string[]) {
  return (path: string) =>
    fields
      .filter((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`))
      .sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * `fields`: the names of the form's inputs, by API path; or a function from an
 * issue's path to the input's name (null: shown in the summary only).
 */
export function useFormErrors(form: FormId, fields: readonly string[] | ((path: string) => string | null)) {
  const locale = useLocale();
  // Kept as data and worded at render: a change of UI language rewords them at once.
  const [found, setFound] = useState<{ issues: FieldIssue[]; input?: unknown }>({ issues: [] });
  const [answer, setAnswer] = useState<{ status: number; error: ApiErrorBody | null; input?: unknown } | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const root = useRef<HTMLElement | null>(null);
  const place = typeof fields === 'function' ? fields : placeByPrefix(fields);
  const shown: Shown[] = placeIssues(found.issues, locale, form, found.input).map((i) => ({ ...i, field: place(i.path) }));
  const other = answer ? apiErrorText(answer.error, locale, { status: answer.status, form, input: answer.input }) : null;

  useEffect(() => {
    if (!focusTick) return;
    root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const show = (issues: FieldIssue[], input?: unknown) => {
    setAnswer(null);
    setFound({ issues, input });
    if (issues.length) setFocusTick((n) => n + 1);
  };

  return {
    /** give the form (or section) element: the first invalid field inside gets the focus */
    ref: (el: HTMLElement | null) => void (root.current = el),
    any: shown.length > 0 || other !== null,
    clear: () => (setFound({ issues: [] }), setAnswer(null)),
    /** problems found before sending (a zod error of the same schema the server uses) */
    fromZod: (error: { issues: readonly ZodIssueLike[] }, input?: unknown) => show(fromZod(error), input),
    fromIssues: show,
    /** the server's answer: field problems by field, anything else as one sentence */
    fromAnswer: (r: { status: number; error: ApiErrorBody | null }, input?: unknown) => {
      const issues = r.error ? answerIssues(r.error) : [];
      if (issues.length) return show(issues, input);
      setFound({ issues: [] });
      setAnswer({ status: r.status, error: r.error, input });
    },
    /** aria attributes for the input named `field` (and of the `group` it belongs to, e.g. the three parts of a split) */
    aria: (field: string, group?: string) => {
      const ids = [field, group].filter((f): f is string => !!f && shown.some((s) => s.field === f)).map((f) => domId(form, f));
      return ids.length ? { 'aria-invalid': true as const, 'aria-describedby': ids.join(' ') } : {};
    },
    /** the messages for `field`, to render right after its input */
    at: (field: string) => {
      const mine = shown.filter((s) => s.field === field);
      if (!mine.length) return null;
      return (
        // aria-hidden keeps the message out of the label's name; the input's aria-describedby still reads it
        <span className="field-error" id={domId(form, field)} data-error-for={field} aria-hidden="true">
          {mine.map((s) => s.text).join(' ')}
        </span>
      );
    },
    /** every problem, at the end of the form; `dataField` keeps the page's test hook */
    summary: (dataField?: string) => {
      if (!shown.length && other === null) return null;
      return (
        <ul className="errors" role="alert" data-field={dataField}>
          {other !== null && <li>{other}</li>}
          {shown.map((s) => (
            <li key={`${s.path}:${s.code}`} data-path={s.path}>
              {s.field ? (
                <button type="button" className="link" onClick={() => document.getElementById(domId(form, s.field!))?.parentElement?.querySelector<HTMLElement>('input, select, textarea')?.focus()}>
                  {s.text}
                </button>
              ) : (
                s.text
              )}
            </li>
          ))}
        </ul>
      );
    },
  };
}
