// The <option>s of a select over a fixed list of values, each shown by its
// translated label; the selects of roles and levels all read this way.

/** One <option> per value (value attribute = the value itself), in the list's order. */
export function ChoiceOptions<V extends string>({ values, label }: { values: readonly V[]; label: (value: V) => string }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </>
  );
}
