// A form's optional text fields as a request body carries them: trimmed, and
// a blank one left out (the server reads absent as "not set", never "").

/** The named fields of `draft` that are not blank, trimmed, in the order of `keys`. */
export function filledFields<K extends string>(draft: Record<K, string>, keys: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(keys.flatMap((k) => (draft[k].trim() ? [[k, draft[k].trim()]] : []))) as Partial<Record<K, string>>;
}
