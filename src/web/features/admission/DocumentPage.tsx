// `/admission/episodes/:episodeId/documents/:formId` — a form of the episode (入院時情報提供書,
// 退院・退所情報記録書): filled from the records to begin with, saved as a draft, sent to the hospital's
// window (or confirmed), acknowledged there; printed on A4, with a masked variant for FAX. After it was
// received, a change is a new revision and the hospital is told which items changed.
import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formIds } from '../../../shared/forms';
import type { AdmissionFormId, FormDefinition } from '../../../shared/forms/definition';
import { fieldsOf } from '../../../shared/forms/definition';
import { changedKeys } from '../../../shared/forms/values';
import type { DocumentView } from '../../../shared/schemas/admission-documents';
import { api } from '../../api';
import { useLiveUpdates } from '../../live';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormFields } from '../../ui/FormFields';
import { Loading } from '../../ui/Loading';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { Section } from '../../ui/Section';
import { useFormValues } from '../../ui/use-form-values';

import { episodePath, useEpisode } from './use-episode';

type FormId = AdmissionFormId;

export const documentKey = (episodeId: string, formId: string) =>
  ['admission', 'document', episodeId, formId] as const;
export const documentPath = (episodeId: string, formId: string, rest = '') =>
  episodePath(episodeId, `/documents/${formId}${rest}`);

export function useDocument(episodeId: string, formId: string) {
  return useQuery({
    queryKey: documentKey(episodeId, formId),
    queryFn: () => api.get<DocumentView>(documentPath(episodeId, formId)),
  });
}

export default function DocumentPage() {
  const { t } = useTranslation();
  const { episodeId = '', formId = '' } = useParams();
  useLiveUpdates();
  const episode = useEpisode(episodeId);
  const document = useDocument(episodeId, formId);
  const [notice, setNotice] = useState<string | null>(null);
  if (!isFormId(formId)) return <ErrorAlert error={new Error(t('admission.document.unknownForm'))} />;
  if (episode.isPending || document.isPending) return <Loading />;
  if (!episode.data || !document.data) return <ErrorAlert error={episode.error ?? document.error} />;
  // Written in the form's latest definition (the city may have revised it).
  const definition = document.data.latest;
  return (
    <Stack gap="lg">
      <PageTitle title={`${definition.title} — ${episode.data.patient.name} さん`} />
      <Anchor component={Link} to={`/admission/episodes/${episodeId}`} className="no-print">
        {t('admission.document.toEpisode')}
      </Anchor>
      <NoticeAlert message={notice} onClose={() => setNotice(null)} />
      <DocumentEditor episodeId={episodeId} definition={definition} view={document.data} onDone={setNotice} />
    </Stack>
  );
}

type EditorProps = {
  episodeId: string;
  definition: FormDefinition;
  view: DocumentView;
  /** What was done, for the page's notice. */
  onDone: (message: string) => void;
};

function DocumentEditor({ episodeId, definition, view, onDone }: EditorProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormValues(definition, () => view.current?.values ?? view.prefill);
  const values = form.values;
  const current = view.current;
  // The revision and version this editor was filled from: every action is sent against it, so a
  // change by someone else meanwhile (seen live) is a 409, never overwritten.
  const [base, setBase] = useState(() => baseOf(view));
  const changedElsewhere = base.revision !== baseOf(view).revision || base.version !== baseOf(view).version;
  const reload = () => {
    form.reset(view.current?.values ?? view.prefill);
    setBase(baseOf(view));
  };
  const done = (message: string) => (next: DocumentView) => {
    client.setQueryData(documentKey(episodeId, definition.id), next);
    void client.invalidateQueries({ queryKey: ['admission', 'episode', episodeId] });
    setBase(baseOf(next));
    onDone(message);
  };
  const save = useMutation({
    mutationFn: () =>
      api.put<DocumentView>(documentPath(episodeId, definition.id), {
        values,
        ...base,
      }),
    onSuccess: done(t('admission.document.saved')),
    onError: form.showServerIssues,
  });
  const send = useMutation({
    mutationFn: () => api.post<DocumentView>(documentPath(episodeId, definition.id, '/send'), base),
    onSuccess: done(
      t(
        definition.id === 'admission_info_sheet'
          ? 'admission.document.sentNotice'
          : 'admission.document.confirmedNotice',
      ),
    ),
  });
  const receive = useMutation({
    mutationFn: () =>
      api.post<DocumentView>(documentPath(episodeId, definition.id, '/receive'), baseOf(view)),
    onSuccess: done(t('admission.document.receivedNotice')),
  });
  const submit = () => {
    if (form.check()) save.mutate();
  };
  const saved = current && !current.sentAt && changedKeys(current.values, values).length === 0;
  const isSheet = definition.id === 'admission_info_sheet';
  return (
    <Stack gap="lg">
      {changedElsewhere && view.mayEdit && (
        <Alert color="orange" role="status" title={t('admission.document.changedElsewhere')}>
          <Stack gap="xs">
            <Text size="sm">{t('admission.document.changedElsewhereHint')}</Text>
            <Button variant="white" w="fit-content" onClick={reload}>
              {t('admission.document.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      <DocumentStatus view={view} definition={definition} />
      <ErrorAlert error={save.error ?? send.error ?? receive.error} />
      <Group className="no-print">
        <Button
          component={Link}
          to={`${documentPathInApp(episodeId, definition.id)}/print`}
          variant="default"
        >
          {t('admission.document.print')}
        </Button>
        {isSheet && (
          <Button
            component={Link}
            to={`${documentPathInApp(episodeId, definition.id)}/print?fax=1`}
            variant="default"
          >
            {t('admission.document.printFax')}
          </Button>
        )}
        {view.atHospital && isSheet && current?.sentAt && !current.receivedAt && (
          <Button color="green" loading={receive.isPending} onClick={() => receive.mutate()}>
            {t('admission.episode.acknowledge')}
          </Button>
        )}
      </Group>
      {view.mayEdit ? (
        <Section id="document-form" title={t('admission.document.fill')}>
          <Stack gap="lg">
            <FormFields definition={definition} values={values} errors={form.errors} onChange={form.change} />
            <Group>
              <Button onClick={submit} loading={save.isPending}>
                {t(current?.sentAt ? 'admission.document.saveRevision' : 'admission.document.save')}
              </Button>
              {saved && (isSheet ? view.hospitalOnPlatform : true) && (
                <Button color="green" loading={send.isPending} onClick={() => send.mutate()}>
                  {t(isSheet ? 'admission.document.send' : 'admission.document.confirm')}
                </Button>
              )}
            </Group>
          </Stack>
        </Section>
      ) : (
        <Text>{t('admission.document.readOnly')}</Text>
      )}
    </Stack>
  );
}

/** The revision and version a view shows (null, null before the first save). */
const baseOf = (view: DocumentView) => ({
  revision: view.current?.revision ?? null,
  version: view.current?.version ?? null,
});

export const isFormId = (formId: string): formId is FormId => (formIds as readonly string[]).includes(formId);

/** The page's own URL (the print view is beside it). */
const documentPathInApp = (episodeId: string, formId: string) =>
  `/admission/episodes/${episodeId}/documents/${formId}`;

function DocumentStatus({ view, definition }: { view: DocumentView; definition: FormDefinition }) {
  const { t } = useTranslation();
  const current = view.current;
  const labels = new Map(fieldsOf(definition).map((field) => [field.key, field.label]));
  return (
    <Stack gap="xs">
      {!view.hospitalOnPlatform && definition.id === 'admission_info_sheet' && (
        <Alert color="yellow" title={t('admission.episode.offPlatformTitle')}>
          {t('admission.document.offPlatform')}
        </Alert>
      )}
      {view.received && view.changedSinceReceived.length > 0 && (
        <Alert color="orange" title={t('admission.document.changedTitle', { revision: current?.revision })}>
          {t('admission.document.changed', {
            revision: view.received.revision,
            fields: view.changedSinceReceived.map((key) => labels.get(key) ?? key).join('、'),
          })}
        </Alert>
      )}
      {current ? (
        <Group gap="xs">
          <Badge size="lg" variant="light">
            {t('admission.document.revision', { revision: current.revision })}
          </Badge>
          <Text size="sm">
            {t('admission.document.savedBy', { name: current.savedBy })}{' '}
            <DateText value={current.savedAt} time />
          </Text>
          {current.sentAt && (
            <Badge size="lg" color="blue" variant="light">
              {t(
                definition.id === 'admission_info_sheet'
                  ? 'admission.document.sent'
                  : 'admission.document.confirmed',
              )}
            </Badge>
          )}
          {current.receivedAt && (
            <Badge size="lg" color="green" variant="light">
              {t('admission.episode.received', { name: current.receivedBy ?? '' })}
            </Badge>
          )}
        </Group>
      ) : (
        <Text>{t('admission.document.new')}</Text>
      )}
    </Stack>
  );
}
