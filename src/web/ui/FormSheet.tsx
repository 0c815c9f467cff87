// A filled form on paper, in the layout of the printed forms: a table per section, every choice
// printed with ■ for the one chosen and □ for the others, two fields to a row (a wide one on its own).
// One component for every form (shared/forms): the admission sheets, the emergency sheet, ACP records.
import { formatDate } from '../../shared/dates';
import type { FormDefinition, FormField, FormValue, FormValues } from '../../shared/forms/definition';
import './form-sheet.css';

export function printedValue(field: FormField, value: FormValue | undefined): string {
  if (field.type === 'choice' || field.type === 'multi') {
    const chosen = Array.isArray(value) ? value : [value];
    return (field.choices ?? [])
      .map((choice) => `${chosen.includes(choice) ? '■' : '□'}${choice}`)
      .join('　');
  }
  if (field.type === 'yesno') return `${value === true ? '■' : '□'}あり　${value === false ? '■' : '□'}なし`;
  if (field.type === 'date' && typeof value === 'string' && value) return formatDate(value);
  return value === null || value === undefined ? '' : String(value);
}

/** A value on a screen: only what was chosen (no □ lists), dates in words, empty as ''. */
export function shownValue(field: FormField, value: FormValue | undefined): string {
  if (Array.isArray(value)) return value.join('、');
  if (field.type === 'yesno') return value === true ? 'あり' : value === false ? 'なし' : '';
  if (field.type === 'date' && typeof value === 'string' && value) return formatDate(value);
  return value === null || value === undefined ? '' : String(value);
}

/** Two half-width fields to a row, a wide one on a row of its own. */
function rowsOf(fields: readonly FormField[]): FormField[][] {
  const rows: FormField[][] = [];
  for (const field of fields) {
    const last = rows.at(-1);
    if (
      !field.wide &&
      field.type !== 'multi' &&
      last &&
      last.length === 1 &&
      !last[0]?.wide &&
      last[0]?.type !== 'multi'
    )
      last.push(field);
    else rows.push([field]);
  }
  return rows;
}

/** The definition's sections as tables, filled with the values. */
export function FormSheetSections({
  definition,
  values,
}: {
  definition: FormDefinition;
  values: FormValues;
}) {
  return (
    <>
      {definition.sections.map((section) => (
        <table key={section.key} className="form-print-section">
          <caption>{section.title}</caption>
          {/* Four columns (label, value, label, value) on every row, so the rows line up. */}
          <colgroup>
            <col className="form-print-label" />
            <col />
            <col className="form-print-label" />
            <col />
          </colgroup>
          <tbody>
            {rowsOf(section.fields).map((row) => (
              <tr key={row.map((field) => field.key).join('-')}>
                {row.map((field) => (
                  <FieldCells
                    key={field.key}
                    field={field}
                    value={values[field.key]}
                    span={row.length === 1 ? 3 : 1}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function FieldCells({
  field,
  value,
  span,
}: {
  field: FormField;
  value: FormValue | undefined;
  span: number;
}) {
  return (
    <>
      <th scope="row">{field.label}</th>
      <td colSpan={span} className={field.type === 'textarea' ? 'form-print-long' : undefined}>
        {printedValue(field, value)}
      </td>
    </>
  );
}
