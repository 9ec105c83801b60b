// The header row of the options page's tables: one column title per label.

/** labels: the column titles in order ('' for a column without a title). */
export function TableHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((l, i) => (
          <th key={i}>{l}</th>
        ))}
      </tr>
    </thead>
  );
}
