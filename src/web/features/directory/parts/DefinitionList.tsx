import { Fragment, type ReactNode } from 'react';

export type Definition = [label: string, value: ReactNode];

const isEmpty = (value: ReactNode) =>
  value === null || value === undefined || value === false || value === '';

/** Label–value pairs as a <dl>, leaving out the ones with nothing to say. */
export function DefinitionList({ rows }: { rows: Definition[] }) {
  const shown = rows.filter(([, value]) => !isEmpty(value));
  if (shown.length === 0) return null;
  return (
    <dl className="dir-dl">
      {shown.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
