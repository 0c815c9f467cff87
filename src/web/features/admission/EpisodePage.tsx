// `/admission/episodes/:episodeId` — one hospital stay (入退院): where the patient is, the rule version
// its deadlines come from, and the steps from admission to discharge, each with its owner, due date,
// how it was done and by whom. Live: the care manager sees the hospital's steps as they are recorded.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdmissionFormId } from '../../../shared/forms/definition';
import type { EpisodeStepView, EpisodeView } from '../../../shared/schemas/admission-episodes';
import { api } from '../../api';
import { useLiveUpdates } from '../../live';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FactList } from '../../ui/FactList';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { Section } from '../../ui/Section';
import { EpisodeFilesSection } from './EpisodeFilesSection';
import { ConferenceScheduleForm, DischargeForm, ExpectedDischargeForm, StepRecordForm } from './EpisodeForms';
import { TimingBadge } from './TimingBadge';
import { episodePath, useEpisode, useEpisodeMutation } from './use-episode';

type Dialog =
  | { kind: 'record'; step: EpisodeStepView }
  | { kind: 'schedule'; step: EpisodeStepView }
  | { kind: 'expected' }
  | { kind: 'discharge' }
  | null;

export default function EpisodePage() {
  const { t } = useTranslation();
  const { episodeId = '' } = useParams();
  useLiveUpdates();
  const episode = useEpisode(episodeId);
  if (episode.isPending) return <Loading />;
  if (!episode.data) return <ErrorAlert error={episode.error} />;
  return (
    <Stack gap="lg">
      <PageTitle title={t('admission.episode.title', { name: episode.data.patient.name })} />
      <EpisodeContent episode={episode.data} />
    </Stack>
  );
}

function EpisodeContent({ episode }: { episode: EpisodeView }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const inHospital = !episode.dischargedOn;
  return (
    <>
      <Overview episode={episode} />
      {inHospital && (
        <Group>
          <Button variant="light" onClick={() => setDialog({ kind: 'expected' })}>
            {t(
              episode.expectedDischargeOn
                ? 'admission.episode.changeExpected'
                : 'admission.episode.setExpected',
            )}
          </Button>
          <Button variant="light" onClick={() => setDialog({ kind: 'discharge' })}>
            {t('admission.episode.recordDischarge')}
          </Button>
        </Group>
      )}
      <Section id="episode-steps" title={t('admission.episode.stepsHeading')}>
        <Stack component="ol" className="scene-list" gap="md">
          {episode.steps.map((step) => (
            <StepCard
              key={step.step}
              episode={episode}
              step={step}
              onRecord={() => setDialog({ kind: 'record', step })}
              onSchedule={() => setDialog({ kind: 'schedule', step })}
            />
          ))}
        </Stack>
      </Section>
      <EpisodeFilesSection episode={episode} />
      {dialog?.kind === 'record' && <StepRecordForm episode={episode} step={dialog.step} onClose={close} />}
      {dialog?.kind === 'schedule' && (
        <ConferenceScheduleForm episode={episode} step={dialog.step} onClose={close} />
      )}
      {dialog?.kind === 'expected' && <ExpectedDischargeForm episode={episode} onClose={close} />}
      {dialog?.kind === 'discharge' && <DischargeForm episode={episode} onClose={close} />}
    </>
  );
}

function Overview({ episode }: { episode: EpisodeView }) {
  const { t } = useTranslation();
  const hospital = episode.hospital;
  const facts: [string, ReactNode][] = [
    [t('admission.episode.hospital'), hospital.name],
    [
      t('admission.episode.contact'),
      [hospital.phone && `TEL ${hospital.phone}`, hospital.fax && `FAX ${hospital.fax}`]
        .filter(Boolean)
        .join(' ／ ') || '—',
    ],
    [t('admission.episode.ward'), episode.ward ?? '—'],
    [t('admission.episode.admittedOn'), <DateText key="a" value={episode.admittedOn} />],
    [
      t('admission.episode.expectedDischargeOn'),
      <DateText key="e" value={episode.expectedDischargeOn} fallback={t('admission.episode.notYet')} />,
    ],
    [
      t('admission.episode.dischargedOn'),
      episode.dischargedOn ? (
        <>
          <DateText value={episode.dischargedOn} />（
          {t(`admission.episode.outcomes.${episode.outcome ?? 'home'}`)}）
        </>
      ) : (
        t('admission.episode.inHospital')
      ),
    ],
    [t('admission.episode.careOffice'), episode.careOffice?.name ?? t('admission.episode.noCareOffice')],
    [
      t('admission.episode.rule'),
      t('admission.episode.ruleVersion', { version: episode.rule.version, title: episode.rule.title }),
    ],
  ];
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        {!hospital.onPlatform && (
          <Alert color="yellow" title={t('admission.episode.offPlatformTitle')}>
            {t('admission.episode.offPlatformBody')}
          </Alert>
        )}
        <FactList items={facts} />
        {episode.notes && <Text style={{ whiteSpace: 'pre-wrap' }}>{episode.notes}</Text>}
        <Group gap="md">
          <Anchor component={Link} to={`/teams/${episode.teamId}`}>
            {t('admission.episode.toTeam')}
          </Anchor>
          {episode.transferredFromId && (
            <Anchor component={Link} to={`/admission/episodes/${episode.transferredFromId}`}>
              {t('admission.episode.transferredFrom')}
            </Anchor>
          )}
          {episode.transferredToId && (
            <Anchor component={Link} to={`/admission/episodes/${episode.transferredToId}`}>
              {t('admission.episode.transferredTo')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The form that goes with a step: the admission sheet, the discharge record. */
const formOfStep: Partial<Record<EpisodeStepView['step'], AdmissionFormId>> = {
  admission_info: 'admission_info_sheet',
  discharge_info: 'discharge_info_record',
};

type StepProps = {
  episode: EpisodeView;
  step: EpisodeStepView;
  onRecord: () => void;
  onSchedule: () => void;
};

function StepCard({ episode, step, onRecord, onSchedule }: StepProps) {
  const { t } = useTranslation();
  const headingId = `step-${step.step}`;
  const receipt = useEpisodeMutation(episode.id, () =>
    api.post<EpisodeView>(episodePath(episode.id, '/receipt')),
  );
  const mayReceive =
    episode.atHospital && step.step === 'admission_info' && step.status === 'done' && !step.receivedAt;
  const form = formOfStep[step.step];
  const maySchedule = step.step === 'conference' && step.status === 'pending' && !episode.dischargedOn;
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id={headingId}>
              {t(`admission.episode.steps.${step.step}`)}
            </Title>
            <Text size="sm">{t(`admission.episode.owners.${step.ownerSide}`)}</Text>
          </div>
          <TimingBadge timing={step.timing} />
        </Group>
        {step.status !== 'not_needed' && (
          <Text>
            {t('admission.episode.due')}{' '}
            <DateText value={step.dueOn} fallback={t(`admission.episode.noDue.${step.step}`)} />
          </Text>
        )}
        {step.scheduledAt && step.status === 'pending' && (
          <Text>
            {t('admission.episode.scheduledAt')} <DateText value={step.scheduledAt} time />
            {step.participants && `（${step.participants}）`}
          </Text>
        )}
        {step.status === 'done' && <DoneFacts step={step} />}
        <StepFees step={step} />
        {step.receivedAt && (
          <Badge color="green" variant="outline" size="lg">
            {t('admission.episode.received', { name: step.receivedBy ?? '' })}
          </Badge>
        )}
        <ErrorAlert error={receipt.error} />
        <Group>
          {form && (
            <Button
              component={Link}
              to={`/admission/episodes/${episode.id}/documents/${form}`}
              variant="default"
            >
              {t(`admission.document.open.${form}`)}
            </Button>
          )}
          {(step.status === 'pending' || step.status === 'missed') && (
            <Button onClick={onRecord} aria-describedby={headingId}>
              {t('admission.episode.record')}
            </Button>
          )}
          {maySchedule && (
            <Button variant="light" onClick={onSchedule} aria-describedby={headingId}>
              {t(step.scheduledAt ? 'admission.episode.reschedule' : 'admission.episode.schedule')}
            </Button>
          )}
          {mayReceive && (
            <Button color="green" loading={receipt.isPending} onClick={() => receipt.mutate(undefined)}>
              {t('admission.episode.acknowledge')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function DoneFacts({ step }: { step: EpisodeStepView }) {
  const { t } = useTranslation();
  const facts: [string, ReactNode][] = [
    [t('admission.episode.doneOn'), <DateText key="d" value={step.doneOn} />],
    [t('admission.episode.method'), step.method ? t(`admission.episode.methods.${step.method}`) : '—'],
    ...(step.counterpart
      ? [[t('admission.episode.counterpart'), step.counterpart] as [string, ReactNode]]
      : []),
    [t('admission.episode.recordedBy'), step.recordedBy ?? '—'],
    ...(step.participants
      ? [[t('admission.episode.participants'), step.participants] as [string, ReactNode]]
      : []),
  ];
  return (
    <>
      <FactList items={facts} />
      {step.minutes && (
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('admission.episode.minutes')}:</strong> {step.minutes}
        </Text>
      )}
      {step.notes && <Text style={{ whiteSpace: 'pre-wrap' }}>{step.notes}</Text>}
    </>
  );
}

/** The fees the admission information earns by its date (the rule of the admission date). */
function StepFees({ step }: { step: EpisodeStepView }) {
  const { t } = useTranslation();
  if (step.fees.length === 0) return null;
  if (step.status === 'done') {
    const earned = step.fees.find((fee) => fee.earned);
    return earned ? (
      <Badge color="green" variant="light" size="lg">
        {t('admission.episode.feeEarned', { label: earned.label, units: earned.units })}
      </Badge>
    ) : (
      <Text size="sm">{t('admission.episode.feeMissed')}</Text>
    );
  }
  return (
    <Stack gap={2}>
      {step.fees.map((fee) => (
        <Text key={fee.label} size="sm">
          {t('admission.episode.feeBy', { label: fee.label, units: fee.units })} <DateText value={fee.by} />
        </Text>
      ))}
    </Stack>
  );
}
