// `/admission/participation` — who operates the admission and discharge support rule: the rate by
// kind and area, and every hospital (or care-management office) with its admission/discharge window
// (入退院支援窓口) for a care manager to call. An entry's admins, and the center, change its declaration.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ParticipantKind,
  type ParticipationEntry,
  type ParticipationList,
  type ParticipationStatus,
  participantKinds,
  participationStatuses,
} from '../../../shared/schemas/admission-participation';
import { api, withQuery } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FactList } from '../../ui/FactList';
import { Loading } from '../../ui/Loading';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { Section } from '../../ui/Section';
import { ParticipationForm } from './ParticipationForm';
import { ParticipationRateTable, participationKey } from './ParticipationRates';

const statusColour: Record<ParticipationStatus, string> = {
  participating: 'green',
  not_participating: 'gray',
  unanswered: 'orange',
};

export default function ParticipationPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ParticipantKind>('hospital');
  const [areaId, setAreaId] = useState<string | null>(null);
  const [status, setStatus] = useState<ParticipationStatus | null>(null);
  const [editing, setEditing] = useState<ParticipationEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...participationKey, 'list', kind, areaId, status],
    queryFn: () =>
      api.get<ParticipationList>(withQuery('/api/admission/participation', { kind, areaId, status })),
  });
  return (
    <Stack gap="xl">
      <PageTitle title={t('admission.participation.title')} />
      <Text>{t('admission.participation.intro')}</Text>
      <Section id="participation-rate" title={t('admission.participation.rateHeading')}>
        <ParticipationRateTable />
      </Section>
      <Section id="participation-list" title={t('admission.participation.listHeading')}>
        <Stack>
          <SegmentedControl
            aria-label={t('admission.participation.kind')}
            value={kind}
            onChange={(value) => setKind(value as ParticipantKind)}
            data={participantKinds.map((code) => ({
              value: code,
              label: t(`admission.participation.kinds.${code}`),
            }))}
          />
          <Group grow align="flex-start">
            <Select
              label={t('admission.participation.area')}
              value={areaId}
              onChange={setAreaId}
              clearable
              placeholder={t('admission.participation.allAreas')}
              data={(list.data?.areas ?? []).map((area) => ({ value: area.id, label: area.name }))}
            />
            <Select
              label={t('admission.participation.statusLabel')}
              value={status}
              onChange={(value) => setStatus(value as ParticipationStatus | null)}
              clearable
              placeholder={t('admission.participation.allStatuses')}
              data={participationStatuses.map((code) => ({
                value: code,
                label: t(`admission.participation.status.${code}`),
              }))}
            />
          </Group>
          <NoticeAlert message={notice} onClose={() => setNotice(null)} />
          {list.isPending && <Loading />}
          <ErrorAlert error={list.error} />
          {list.data && list.data.entries.length === 0 && <Text>{t('admission.participation.empty')}</Text>}
          {list.data?.truncated && (
            <Alert color="yellow">
              {t('admission.participation.truncated', { n: list.data.entries.length })}
            </Alert>
          )}
          <Stack component="ul" className="scene-list" gap="md">
            {list.data?.entries.map((entry) => (
              <EntryCard key={entry.servicePointId} entry={entry} onEdit={() => setEditing(entry)} />
            ))}
          </Stack>
        </Stack>
      </Section>
      {editing && (
        <ParticipationForm
          entry={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('admission.participation.saved', { name: saved.name }));
          }}
        />
      )}
    </Stack>
  );
}

function EntryCard({ entry, onEdit }: { entry: ParticipationEntry; onEdit: () => void }) {
  const { t } = useTranslation();
  const d = entry.declaration;
  const phone = d?.windowPhone ?? entry.phone;
  const fax = d?.windowFax ?? entry.fax;
  const facts = (
    [
      [t('admission.participation.window'), d?.windowDepartment],
      [t('admission.participation.phone'), phone && <Anchor href={`tel:${phone}`}>{phone}</Anchor>],
      [t('admission.participation.fax'), fax],
      [t('admission.participation.hours'), d?.windowHours],
      [t('admission.participation.notes'), d?.notes],
    ] as [string, ReactNode][]
  ).filter(([, value]) => Boolean(value));
  const nameId = `participant-${entry.servicePointId}`;
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={nameId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={3} id={nameId} size="h4">
            {entry.name}
          </Title>
          <Badge color={statusColour[entry.status]} variant="light" size="lg">
            {t(`admission.participation.status.${entry.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {entry.areaName ?? t('admission.participation.noArea')} ・ {entry.address}
        </Text>
        <Group gap="xs">
          {d?.socialWorkerOnStaff && (
            <Badge variant="outline">{t('admission.participation.socialWorker')}</Badge>
          )}
          {d?.dischargeNurseOnStaff && (
            <Badge variant="outline">{t('admission.participation.dischargeNurse')}</Badge>
          )}
        </Group>
        <Text size="sm" fw={700}>
          {t(entry.onPlatform ? 'admission.participation.onPlatform' : 'admission.participation.offPlatform')}
        </Text>
        {facts.length > 0 && <FactList items={facts} />}
        {d && (
          <Text size="sm" c="dimmed">
            {t('admission.participation.declaredAt')} <DateText value={d.declaredAt} />
          </Text>
        )}
        {entry.mayDeclare && (
          <Group>
            <Button variant="light" onClick={onEdit} aria-describedby={nameId}>
              {t(d ? 'admission.participation.edit' : 'admission.participation.declare')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
