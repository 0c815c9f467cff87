// `/admission/episodes/:episodeId/documents/:formId/print` — the form on A4 in the layout of the
// paper form (a table per section, every choice printed with ■ for the one chosen and □ for the
// others), black on white so it survives a FAX. `?fax=1` masks the person: initials, age and city.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { maskForFax } from '../../../shared/forms/values';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormSheetSections } from '../../ui/FormSheet';
import { Loading } from '../../ui/Loading';
import { PrintButton } from '../../ui/PrintButton';
import { isFormId, useDocument } from './DocumentPage';

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
        <FormSheetSections definition={definition} values={values} />
      </article>
    </Stack>
  );
}
