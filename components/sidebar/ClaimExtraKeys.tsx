// Before claiming: another phone or email of the customer the page does not
// show (typed the local way: the team's region reads it), and for key
// accounts the department or product line claimed. A typed key that cannot be
// a key says why at once, in the reader's language, and is not sent.
import { claimKey, type KeyErrorCode, type KeyRules } from '@/lib/claims/claim-key';
import { guessKeyKind } from '@/lib/claims/guess-kind';
import { useT } from '../shared/i18n';

export type ExtraKeys = { text: string; line: string };

/** The typed extra key as a claim key input, or the localized reason it is not one. */
export function extraKey(text: string, rules: KeyRules): { key: { kind: 'phone' | 'email'; value: string } | null; error: KeyErrorCode | null } {
  const value = text.trim();
  if (!value) return { key: null, error: null };
  const kind = guessKeyKind(value) === 'email' ? 'email' : 'phone';
  const k = claimKey({ kind, value }, rules);
  return 'error' in k ? { key: null, error: k.code } : { key: { kind, value }, error: null };
}

export function ClaimExtraKeys({ value, onChange, rules }: { value: ExtraKeys; onChange: (v: ExtraKeys) => void; rules: KeyRules }) {
  const t = useT();
  const { error } = extraKey(value.text, rules);
  return (
    <div className="claim-extra">
      <label>
        <span className="small">{t('claim.extraKey')}</span>
        <input data-field="claim-extra-key" value={value.text} maxLength={300} onChange={(e) => onChange({ ...value, text: e.target.value })} aria-invalid={!!error} />
      </label>
      {error && (
        <p className="reason small" role="alert" data-field="claim-extra-key-error" data-value={error}>
          {t(`claim.keyError.${error}`)}
        </p>
      )}
      <label>
        <span className="small">{t('claim.line')}</span>
        <input data-field="claim-line" value={value.line} maxLength={80} onChange={(e) => onChange({ ...value, line: e.target.value })} />
      </label>
    </div>
  );
}
