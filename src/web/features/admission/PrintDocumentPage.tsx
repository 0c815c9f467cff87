// `/admission/episodes/:episodeId/documents/:formId/print` — the form on A4 in the layout of the
// paper form (a table per section, every choice printed with ■ for the one chosen and □ for the
// others), black on white so it survives a FAX. `?fax=1` masks the person: initials, age and city.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formatDate } from '../../../shared/dates';
import type { FormField, FormValue } from '../../../shared/forms/definition';
import { maskForFax } from '../../../shared/forms/values';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PrintButton } from '../../ui/PrintButton';
import { isFormId, useDocument } from './DocumentPage';
import './print.css';

function printedValue(field: FormField, value: FormValue | undefined): string {
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

export default function PrintDocumentPage() {
  const { t } = useTranslation();
  const { episodeId = '', formId = '' } = useParams();
  const [search] = useSearchParams();
  const fax = search.get('fax') === '1';
  const document = useDocument(episodeId, formId);
  if (!isFormId(formId)) return <ErrorAlert error={new Error(t('admission.document.unknownForm'))} />;
  if (document.isPending) return <Loading />;
  if (!document.data) return <ErrorAlert error={document.error} />;
  const view = document.data;
  // Printed in the version it was filled with.
  const definition = view.definition;
  const saved = view.current?.values ?? view.prefill;
  const values = fax ? maskForFax(definition, saved) : saved;
  return (
    <Stack gap="md">
      <Group className="no-print">
        <PrintButton />
        <Button variant="default" component="a" href={`/admission/episodes/${episodeId}/documents/${formId}`}>
          {t('admission.document.backToForm')}
        </Button>
      </Group>
      {!view.current && (
        <Alert color="yellow" className="no-print">
          {t('admission.document.unsavedPrint')}
        </Alert>
      )}
      <article className="form-print" aria-label={definition.title}>
        <header className="form-print-head">
          <h1>{definition.title}</h1>
          <p>
            {definition.subtitle}
            {view.current && `　第${view.current.revision}版`}
            {fax && '　（FAX用: 個人を特定する情報を伏せています）'}
          </p>
        </header>
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
      </article>
    </Stack>
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
