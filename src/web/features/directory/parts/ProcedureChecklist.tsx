import { procedures } from '../../../../shared/directory-codes';
import { useLabel } from '../../../ui/labels';
import { toggled } from '../search/search-params';
import { CheckField } from './fields';

type Props = {
  legend: string;
  /** The legend is for screen readers only (a heading or summary already says it on screen). */
  hideLegend?: boolean;
  hint?: string;
  value: string[];
  onChange: (value: string[]) => void;
};

/** The accepted medical procedures as a grid of checkboxes (all of those ticked must be accepted). */
export function ProcedureChecklist({ legend, hideLegend = false, hint, value, onChange }: Props) {
  const label = useLabel();
  return (
    <fieldset className="dir-fieldset">
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {hint && <p className="dir-hint">{hint}</p>}
      <ul className="dir-check-grid">
        {procedures.map((procedure) => (
          <li key={procedure.code}>
            <CheckField
              label={label(procedures, procedure.code)}
              checked={value.includes(procedure.code)}
              onChange={(on) => onChange(toggled(value, procedure.code, on))}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
