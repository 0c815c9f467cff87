// `/patients/:patientId/acp` — the person's 人生会議 (ACP) record: the current (latest confirmed)
// version, the draft being written, and every version with what changed since the one before. A
// confirmed version never changes; writing again starts the next version from it.
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldsOf } from '../../../shared/forms/definition';
import type { AcpOverview, AcpVersion } from '../../../shared/schemas/acp';
import { api } from '../../api';
import { useLiveUpdates } from '../../live';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormFields } from '../../ui/FormFields';
import { shownValue } from '../../ui/FormSheet';
import { Loading } from '../../ui/Loading';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import { useFormValues } from '../../ui/use-form-values';
import { usePatient } from '../patients/use-patient';
import { acpKey, acpUrl, useAcp } from './use-acp';
import './i18n';

export default function AcpPage() {
  const { t } = useTranslation('acp');
  const { patientId = '' } = useParams();
  useLiveUpdates();
  const patient = usePatient(patientId);
  const acp = useAcp(patientId);
  const [notice, setNotice] = useState<string | null>(null);
  if (patient.isPending || acp.isPending) return <Loading />;
  if (!patient.data || !acp.data) return <ErrorAlert error={patient.error ?? acp.error} />;
  const view = acp.data;
  const current = view.versions.find((v) => v.number === view.current);
  const draft = view.versions.find((v) => v.number === view.draft);
  return (
    <Stack gap="lg">
      <PageTitle title={t('title', { name: patient.data.name })} />
      <Text>{t('lead')}</Text>
      <Anchor component={Link} to={`/patients/${patientId}`}>
        {t('toPatient')}
      </Anchor>
      <NoticeAlert message={notice} onClose={() => setNotice(null)} />
      {current ? (
        <Group>
          <Text fw={700}>{t('current', { number: current.number, date: current.discussedOn ?? '' })}</Text>
          <Button
            component={Link}
            to={`/patients/${patientId}/acp/print?number=${current.number}`}
            variant="default"
          >
            {t('print')}
          </Button>
        </Group>
      ) : (
        <Text>{t('none')}</Text>
      )}
      {draft ? (
        <DraftEditor
          key={`${draft.number}`}
          patientId={patientId}
          view={view}
          draft={draft}
          onDone={setNotice}
        />
      ) : (
        <StartButton patientId={patientId} view={view} from={current} />
      )}
      <Versions view={view} />
    </Stack>
  );
}

/** Starts the next version: from the current one (the person's last words), or from the record. */
function StartButton({ patientId, view, from }: { patientId: string; view: AcpOverview; from?: AcpVersion }) {
  const { t } = useTranslation('acp');
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      api.post<AcpOverview>(acpUrl(patientId), {
        values: { ...(from?.values ?? {}), discussedOn: view.prefill.discussedOn ?? '' },
      }),
    onSuccess: (next) => client.setQueryData(acpKey(patientId), next),
  });
  return (
    <Stack gap="xs">
      <ErrorAlert error={start.error} />
      <Button w="fit-content" size="md" loading={start.isPending} onClick={() => start.mutate()}>
        {from ? t('startNext', { number: from.number }) : t('start')}
      </Button>
    </Stack>
  );
}

type EditorProps = {
  patientId: string;
  view: AcpOverview;
  draft: AcpVersion;
  onDone: (message: string) => void;
};

function DraftEditor({ patientId, view, draft, onDone }: EditorProps) {
  const { t } = useTranslation('acp');
  const client = useQueryClient();
  const form = useFormValues(view.definition, () => draft.values);
  // The version this editor was filled from; a save by someone else meanwhile is a 409, not lost.
  const [base, setBase] = useState(draft.version);
  const done = (message: string) => (next: AcpOverview) => {
    client.setQueryData(acpKey(patientId), next);
    setBase(next.versions.find((v) => v.number === draft.number)?.version ?? base);
    onDone(message);
  };
  const save = useMutation({
    mutationFn: () =>
      api.put<AcpOverview>(acpUrl(patientId, `/${draft.number}`), { values: form.values, version: base }),
    onSuccess: done(t('saved')),
    onError: form.showServerIssues,
  });
  const confirm = useMutation({
    mutationFn: async () => {
      const saved = await api.put<AcpOverview>(acpUrl(patientId, `/${draft.number}`), {
        values: form.values,
        version: base,
      });
      const version = saved.versions.find((v) => v.number === draft.number)?.version ?? base;
      // Saved: should the confirmation be refused, this editor goes on from the saved version.
      client.setQueryData(acpKey(patientId), saved);
      setBase(version);
      return api.post<AcpOverview>(acpUrl(patientId, `/${draft.number}/confirm`), { version });
    },
    onSuccess: done(t('confirmed', { number: draft.number })),
    onError: form.showServerIssues,
  });
  const changedElsewhere = draft.version !== base;
  return (
    <Section id="acp-draft" title={t('draftTitle', { number: draft.number })}>
      <Stack gap="lg">
        {changedElsewhere && (
          <Alert color="orange" role="status" title={t('changedElsewhere')}>
            <Button
              variant="white"
              onClick={() => {
                form.reset(draft.values);
                setBase(draft.version);
              }}
            >
              {t('reload')}
            </Button>
          </Alert>
        )}
        <ErrorAlert error={save.error ?? confirm.error} />
        <FormFields
          definition={view.definition}
          values={form.values}
          errors={form.errors}
          onChange={form.change}
        />
        <Text size="sm">{t('confirmHint')}</Text>
        <Group>
          <Button variant="default" loading={save.isPending} onClick={() => form.check() && save.mutate()}>
            {t('save')}
          </Button>
          <Button color="green" loading={confirm.isPending} onClick={() => form.check() && confirm.mutate()}>
            {t('confirm')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function Versions({ view }: { view: AcpOverview }) {
  const { t } = useTranslation('acp');
  if (view.versions.length === 0) return null;
  return (
    <Section id="acp-versions" title={t('versions')}>
      <Stack gap="lg">
        {view.versions.map((version, i) => (
          <VersionItem key={version.number} view={view} version={version} before={view.versions[i + 1]} />
        ))}
      </Stack>
    </Section>
  );
}

function VersionItem({
  view,
  version,
  before,
}: {
  view: AcpOverview;
  version: AcpVersion;
  before?: AcpVersion;
}) {
  const { t } = useTranslation('acp');
  const fields = fieldsOf(view.definition).filter((field) => version.changed.includes(field.key));
  return (
    <Stack gap="xs" component="article" aria-label={t('version', { number: version.number })}>
      <Group gap="xs">
        <Text fw={700}>{t('version', { number: version.number })}</Text>
        {version.status === 'draft' ? (
          <Badge color="dark" variant="outline">
            {t('draft')}
          </Badge>
        ) : (
          <Badge color="blue" variant="light">
            {t('confirmedBadge')}
          </Badge>
        )}
        {version.number === view.current && (
          <Badge color="green" variant="filled">
            {t('currentBadge')}
          </Badge>
        )}
        {version.discussedOn && <Text size="sm">{t('discussedOn', { date: version.discussedOn })}</Text>}
        <Text size="sm" c="dimmed">
          {version.confirmedBy
            ? t('confirmedBy', { name: version.confirmedBy })
            : t('savedBy', { name: version.savedBy })}{' '}
          <DateText value={version.confirmedAt ?? version.savedAt} time />
        </Text>
      </Group>
      {!before ? (
        <Text size="sm">{t('first')}</Text>
      ) : fields.length === 0 ? (
        <Text size="sm">{t('noChange')}</Text>
      ) : (
        <ScrollTable label={`${t('version', { number: version.number })}: ${t('changed')}`} minWidth={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col"> </Table.Th>
              <Table.Th scope="col">{t('before')}</Table.Th>
              <Table.Th scope="col">{t('after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field.key}>
                <Table.Th scope="row">{field.label}</Table.Th>
                <Table.Td>
                  <del>{shownValue(field, before.values[field.key]) || t('empty')}</del>
                </Table.Td>
                <Table.Td>
                  <ins>{shownValue(field, version.values[field.key]) || t('empty')}</ins>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
