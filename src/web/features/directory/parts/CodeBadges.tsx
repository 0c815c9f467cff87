import type { Labelled } from '../../../../shared/labelled';
import { useLabel } from '../../../ui/labels';

type Props = {
  /** Names the list for screen readers (「対応」「医療的ケア」). */
  label: string;
  codes: readonly string[];
  list: readonly Labelled<string>[];
  /** Procedures are drawn quieter than capabilities. */
  tone?: 'blue' | 'gray';
};

/** Capabilities or accepted procedures as a labelled list of badges. */
export function CodeBadges({ label, codes, list, tone = 'blue' }: Props) {
  const labelOf = useLabel();
  if (codes.length === 0) return null;
  return (
    <ul aria-label={label} className={`dir-badges dir-badges-${tone}`}>
      {codes.map((code) => (
        <li key={code}>{labelOf(list, code)}</li>
      ))}
    </ul>
  );
}
