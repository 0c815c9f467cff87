// `/patients/:patientId/emergency` — the patient's 救急医療情報 as the care team keeps it: the sheet
// (filled from the record at first, saved with the date it was last gone through with the person),
// the wishes from the current 人生会議 record, the kit with its card, and the EMS look-ups (live).
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate, todayInJapan } from '../../../shared/dates';
import {
  type AccessNotice,
  accessMethods,
  accessReasons,
  confirmationDueOn,
  confirmationTiming,
  type EmergencySheetView,
  type KitIssued,
  kitEligibilities,
  lastCheckedOn,
} from '../../../shared/schemas/emergency';
import { api } from '../../api';
import { useLiveUpdates } from '../../live';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormFields } from '../../ui/FormFields';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { Section } from '../../ui/Section';
import { useFormValues } from '../../ui/use-form-values';
import { usePatient } from '../patients/use-patient';
import { keepIssuedCard } from './issued-card';
import { ConfirmTimingBadge, toConfirmKey } from './ToConfirmHomeSection';
import { emergencyKey, emergencyUrl, useEmergency } from './use-emergency';
import { WishesList } from './WishesList';
import './i18n';

export default function EmergencySheetPage() {
  const { t } = useTranslation('emergency');
  const { patientId = '' } = useParams();
  useLiveUpdates();
  const patient = usePatient(patientId);
  const sheet = useEmergency(patientId);
  const [notice, setNotice] = useState<string | null>(null);
  if (patient.isPending || sheet.isPending) return <Loading />;
  if (!patient.data || !sheet.data) return <ErrorAlert error={patient.error ?? sheet.error} />;
  const view = sheet.data;
  return (
    <Stack gap="lg">
      <PageTitle title={t('sheet.title', { name: patient.data.name })} />
      <Text>{t('sheet.lead')}</Text>
      <Anchor component={Link} to={`/patients/${patientId}`}>
        {t('sheet.toPatient')}
      </Anchor>
      <NoticeAlert message={notice} onClose={() => setNotice(null)} />
      {!view.emsConsent && (
        <Alert color="yellow" role="status">
          <Stack gap="xs">
            <Text size="sm">{t('sheet.noConsent')}</Text>
            <Anchor component={Link} to={`/patients/${patientId}#consent-heading`}>
              {t('sheet.recordConsent')}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <AccessNotices accesses={view.accesses} />
      <YearlyCheck view={view} />
      <WishesSection patientId={patientId} view={view} />
      <KitSection patientId={patientId} view={view} onDone={setNotice} />
      <SheetEditor patientId={patientId} view={view} onDone={setNotice} />
    </Stack>
  );
}

/** 「救急隊が閲覧しました」: each look-up of the last 90 days, newest first. */
export function AccessNotices({ accesses }: { accesses: AccessNotice[] }) {
  const { t } = useTranslation('emergency');
  const format = useDateFormatter();
  const label = useLabel();
  if (accesses.length === 0) return null;
  return (
    <Alert color="orange" role="status" title={t('accesses.notice')}>
      <Stack gap={4} component="ul" m={0} pl="md">
        {accesses.map((access) => (
          <Text component="li" size="sm" key={access.id}>
            {t('accesses.line', {
              time: format.dateTime(access.at),
              organisation: access.organisation ?? '',
              crew: access.crew,
              method: label(accessMethods, access.method),
              reason: access.reasonNote
                ? `${label(accessReasons, access.reason)}: ${access.reasonNote}`
                : label(accessReasons, access.reason),
            })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** The yearly check (forms.md §5), due a year after the last one — or, never checked, the save. */
function YearlyCheck({ view }: { view: EmergencySheetView }) {
  const { t } = useTranslation('emergency');
  const format = useDateFormatter();
  const current = view.current;
  if (!current) return null;
  const last = lastCheckedOn(current.confirmedOn, current.savedAt);
  const timing = confirmationTiming(last, todayInJapan());
  if (!timing) return null;
  const date = format.date(confirmationDueOn(last));
  // Never confirmed: the year counts from the save, and the words say so.
  const words = current.confirmedOn
    ? timing === 'overdue'
      ? t('toConfirm.sheetOverdue', { date })
      : t('toConfirm.sheetDueSoon', { date })
    : timing === 'overdue'
      ? t('toConfirm.savedOverdue', { date })
      : t('toConfirm.savedDueSoon', { date });
  return (
    <Alert color={timing === 'overdue' ? 'red' : 'yellow'} role="status">
      <Group gap="sm" align="flex-start">
        <ConfirmTimingBadge timing={timing} />
        <Text size="sm">{words}</Text>
      </Group>
    </Alert>
  );
}

function WishesSection({ patientId, view }: { patientId: string; view: EmergencySheetView }) {
  const { t } = useTranslation('emergency');
  const wishes = view.wishes;
  return (
    <Section id="wishes-heading" title={t('wishes.title')}>
      <Stack gap="sm">
        {wishes ? (
          <>
            <Text size="sm">
              {t('wishes.from', {
                number: wishes.acpNumber,
                date: wishes.discussedOn ? formatDate(wishes.discussedOn) : '',
                name: wishes.confirmedBy,
              })}
            </Text>
            <WishesList wishes={wishes} notSet={t('wishes.notSet')} />
          </>
        ) : (
          <Text>{t('wishes.none')}</Text>
        )}
        <Anchor component={Link} to={`/patients/${patientId}/acp`}>
          {t('wishes.toAcp')}
        </Anchor>
      </Stack>
    </Section>
  );
}

type KitProps = { patientId: string; view: EmergencySheetView; onDone: (message: string) => void };

function KitSection({ patientId, view, onDone }: KitProps) {
  const { t } = useTranslation('emergency');
  const label = useLabel();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [eligibility, setEligibility] = useState<string>(view.kit?.eligibility ?? 'living_alone');
  const [asking, setAsking] = useState<'reissue' | 'revoke' | null>(null);
  const issue = useMutation({
    mutationFn: () => api.post<KitIssued>(emergencyUrl(patientId, '/kits'), { eligibility }),
    // The card's secrets go to the print page in memory only: never in a URL or the history.
    onSuccess: (issued) => {
      void client.invalidateQueries({ queryKey: emergencyKey(patientId) });
      keepIssuedCard(issued);
      navigate(`/patients/${patientId}/emergency/print`);
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.post(emergencyUrl(patientId, '/kits/revoke')),
    onSuccess: () => {
      setAsking(null);
      void client.invalidateQueries({ queryKey: emergencyKey(patientId) });
      onDone(t('kit.revoked'));
    },
  });
  const kit = view.kit;
  return (
    <Section id="kit-heading" title={t('kit.title')}>
      <Stack gap="sm">
        <Text>
          {kit
            ? t('kit.inForce', {
                date: formatDate(kit.issuedOn),
                name: kit.issuedBy,
                eligibility: label(kitEligibilities, kit.eligibility),
              })
            : t('kit.none')}
        </Text>
        <ErrorAlert error={issue.error} />
        {!view.emsConsent && (
          <Alert color="yellow" role="status">
            {t('kit.needsConsent')}
          </Alert>
        )}
        {view.current ? (
          <Group align="end">
            <NativeSelect
              label={t('kit.eligibility')}
              value={eligibility}
              data={kitEligibilities.map((e) => ({ value: e.code, label: label(kitEligibilities, e.code) }))}
              onChange={(e) => setEligibility(e.currentTarget.value)}
            />
            <Button
              disabled={!view.emsConsent}
              loading={issue.isPending}
              onClick={() => (kit ? setAsking('reissue') : issue.mutate())}
            >
              {kit ? t('kit.reissue') : t('kit.issue')}
            </Button>
            {kit && (
              <Button variant="default" color="red" onClick={() => setAsking('revoke')}>
                {t('kit.revoke')}
              </Button>
            )}
          </Group>
        ) : (
          <Text c="dimmed">{t('kit.needsSheet')}</Text>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={asking === 'revoke' ? t('kit.revoke') : t('kit.reissue')}
        danger={asking === 'revoke'}
        pending={issue.isPending || revoke.isPending}
        error={revoke.error}
        onClose={() => setAsking(null)}
        onConfirm={() => (asking === 'revoke' ? revoke.mutate() : issue.mutate())}
      >
        {asking === 'revoke' ? t('kit.revokeConfirm') : t('kit.reissueWarning')}
      </ConfirmDialog>
    </Section>
  );
}

type EditorProps = { patientId: string; view: EmergencySheetView; onDone: (message: string) => void };

function SheetEditor({ patientId, view, onDone }: EditorProps) {
  const { t } = useTranslation('emergency');
  const client = useQueryClient();
  const form = useFormValues(view.definition, () => view.current?.values ?? view.prefill);
  const [confirmedWithPerson, setConfirmedWithPerson] = useState(false);
  const [confirmedOn, setConfirmedOn] = useState(todayInJapan);
  const [dayMissing, setDayMissing] = useState(false);
  // The version this editor was filled from: a save by someone else meanwhile (seen live) keeps
  // what is typed here, and saving against the old version is a 409, never an overwrite.
  const [base, setBase] = useState(view.current?.version ?? null);
  const save = useMutation({
    mutationFn: () =>
      api.put<EmergencySheetView>(emergencyUrl(patientId), {
        values: form.values,
        version: base,
        confirmedWithPerson,
        ...(confirmedWithPerson ? { confirmedOn } : {}),
      }),
    onSuccess: (next) => {
      client.setQueryData(emergencyKey(patientId), next);
      void client.invalidateQueries({ queryKey: toConfirmKey });
      setBase(next.current?.version ?? null);
      setConfirmedWithPerson(false);
      setConfirmedOn(todayInJapan());
      onDone(t('sheet.saved'));
    },
    onError: form.showServerIssues,
  });
  const current = view.current;
  const changedElsewhere = (current?.version ?? null) !== base;
  return (
    <Section id="sheet-heading" title={t('sheet.fill')}>
      <Stack gap="lg">
        {current ? (
          <Stack gap={2}>
            <Text size="sm">
              {t('sheet.savedBy', { name: current.savedBy })} <DateText value={current.savedAt} time />
            </Text>
            <Text size="sm" fw={700}>
              {current.confirmedOn
                ? t('sheet.confirmedOn', {
                    date: formatDate(current.confirmedOn),
                    name: current.confirmedBy ?? '',
                  })
                : t('sheet.notConfirmed')}
            </Text>
          </Stack>
        ) : (
          <Text>{t('sheet.new')}</Text>
        )}
        {current && (
          <Button
            component={Link}
            to={`/patients/${patientId}/emergency/print`}
            variant="default"
            w="fit-content"
          >
            {t('sheet.print')}
          </Button>
        )}
        {changedElsewhere && (
          <Alert color="orange" role="status" title={t('sheet.changedElsewhere')}>
            <Button
              variant="white"
              onClick={() => {
                form.reset(current?.values ?? view.prefill);
                setBase(current?.version ?? null);
              }}
            >
              {t('sheet.reload')}
            </Button>
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        <FormFields
          definition={view.definition}
          values={form.values}
          errors={form.errors}
          onChange={form.change}
        />
        <Checkbox
          size="md"
          label={t('sheet.confirmedWithPerson')}
          checked={confirmedWithPerson}
          onChange={(e) => setConfirmedWithPerson(e.currentTarget.checked)}
        />
        {confirmedWithPerson && (
          <TextInput
            type="date"
            label={t('sheet.confirmedOnLabel')}
            description={t('sheet.confirmedOnHint')}
            value={confirmedOn}
            max={todayInJapan()}
            maw={320}
            error={dayMissing ? t('sheet.confirmedOnMissing') : form.errors.confirmedOn}
            onChange={(e) => setConfirmedOn(e.currentTarget.value)}
          />
        )}
        <Button
          w="fit-content"
          size="md"
          loading={save.isPending}
          onClick={() => {
            const missing = confirmedWithPerson && !confirmedOn;
            setDayMissing(missing);
            if (form.check() && !missing) save.mutate();
          }}
        >
          {t('sheet.save')}
        </Button>
      </Stack>
    </Section>
  );
}
