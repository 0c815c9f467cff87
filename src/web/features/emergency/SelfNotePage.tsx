// `/emergency-note` — もしものときのメモ, for anyone, no account: the 救急医療情報 sheet and the wishes
// of a 人生会議 record, filled in the browser, kept only in this browser (self-note.ts) and printed on
// A4. Nothing goes to the server unless a family member of a care team chooses to send it to the team.
// Works offline once loaded (use-offline-note.ts, public/emergency-note-sw.js).
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInJapan } from '../../../shared/dates';
import type { FormDefinition, FormValue, FormValues } from '../../../shared/forms/definition';
import { emergencyInfoSheet } from '../../../shared/forms/emergency-info-sheet';
import type { FamilyHome } from '../../../shared/schemas/family';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDateFormatter } from '../../ui/DateText';
import { FormFields } from '../../ui/FormFields';
import { FormSheetSections } from '../../ui/FormSheet';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { PrintButton } from '../../ui/PrintButton';
import { Section } from '../../ui/Section';
import { useFormValues } from '../../ui/use-form-values';
import {
  citizenAcpNote,
  eraseNote,
  FAMILY_POST_MAX,
  loadNote,
  noteDueForCheck,
  noteSummary,
  saveNote,
} from './self-note';
import { useOfflineNote } from './use-offline-note';
import './i18n';
import './self-note.css';

export default function SelfNotePage() {
  const { t } = useTranslation('emergency');
  const offline = useOfflineNote();
  const family = useFamilyHome();
  // Erasing starts the forms afresh (values and their error notes alike).
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Stack gap="lg" mb="lg" className="no-print">
        <PageTitle title={t('note.title')} />
        <Text size="lg">{t('note.lead')}</Text>
        <Alert color="blue" variant="light" title={t('note.privacyTitle')}>
          <List spacing="xs">
            <List.Item>{t('note.privacy')}</List.Item>
            {family.data && <List.Item>{t('note.privacyFamily')}</List.Item>}
            <List.Item>{t('note.privacyErase')}</List.Item>
            <List.Item>{t('note.sharedDevice')}</List.Item>
          </List>
        </Alert>
        <Text>{t('note.largeText')}</Text>
        {offline && (
          <Text role="status" fw={700}>
            {t('note.offline')}
          </Text>
        )}
        <NoticeAlert message={notice} onClose={() => setNotice(null)} />
      </Stack>
      <SelfNote
        key={generation}
        onChanged={() => setNotice(null)}
        onErased={() => {
          setGeneration((n) => n + 1);
          setNotice(t('note.erased'));
          // The button pressed is gone with the old forms: carry on reading from the top.
          requestAnimationFrame(() => document.getElementById('main')?.focus());
        }}
      />
    </>
  );
}

function SelfNote({ onChanged, onErased }: { onChanged: () => void; onErased: () => void }) {
  const { t } = useTranslation('emergency');
  const format = useDateFormatter();
  const acpNote = useMemo(() => citizenAcpNote(t('note.acpTitle')), [t]);
  const [stored] = useState(() => loadNote());
  const emergency = useFormValues(emergencyInfoSheet, () => stored?.emergency ?? {});
  const acp = useFormValues(acpNote, () => stored?.acp ?? {});
  const [touched, setTouched] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(stored?.savedAt ?? null);
  const [kept, setKept] = useState(true);
  const [wrong, setWrong] = useState(false);
  const [erasing, setErasing] = useState(false);

  // Kept in this browser as the person types (never before they change something).
  useEffect(() => {
    if (!touched) return;
    const note = { emergency: emergency.values, acp: acp.values, savedAt: new Date().toISOString() };
    const ok = saveNote(note);
    setKept(ok);
    if (ok) setSavedAt(note.savedAt);
  }, [touched, emergency.values, acp.values]);

  const changed = (form: typeof emergency) => (key: string, value: FormValue) => {
    form.change(key, value);
    setTouched(true);
    onChanged();
  };

  /** Both forms checked; else the first wrong field gets the focus, its note beside it. */
  const checkBeforePrint = () => {
    const sheetOk = emergency.check();
    const acpOk = acp.check();
    setWrong(!(sheetOk && acpOk));
    if (!(sheetOk && acpOk))
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.self-note-form [aria-invalid="true"]')?.focus(),
      );
    return sheetOk && acpOk;
  };

  const parts = [
    { definition: emergencyInfoSheet, values: emergency.values },
    { definition: acpNote, values: acp.values },
  ];
  const familyHome = useFamilyHome();
  const name = typeof emergency.values.name === 'string' ? emergency.values.name.trim() : '';
  const printedOn = t('note.printedOn', { date: format.date(todayInJapan()) });

  return (
    <>
      <Stack gap="lg" className="no-print self-note-form">
        {stored && !touched && noteDueForCheck(stored.savedAt) && (
          // No Alert title: its yellow is too light on the large text (axe, contrast).
          <Alert color="yellow" role="status">
            <Text fw={700}>{t('note.yearlyCheckTitle')}</Text>
            <Text>{t('note.yearlyCheck', { date: format.date(stored.savedAt) })}</Text>
          </Alert>
        )}
        <Section id="note-emergency" title={t('note.emergencyTitle')}>
          <Text mb="lg">{t('note.emergencyLead')}</Text>
          <FormFields
            definition={emergencyInfoSheet}
            values={emergency.values}
            errors={emergency.errors}
            onChange={changed(emergency)}
          />
        </Section>
        <Section id="note-acp" title={t('note.acpTitle')}>
          <Text mb="lg">{t('note.acpLead')}</Text>
          <FormFields definition={acpNote} values={acp.values} errors={acp.errors} onChange={changed(acp)} />
        </Section>
        <Section id="note-print" title={t('note.printTitle')}>
          <Stack gap="sm">
            <Text>{t('note.printLead')}</Text>
            <Text size="sm">
              {kept
                ? savedAt
                  ? t('note.savedAt', { time: format.dateTime(savedAt) })
                  : t('note.autosave')
                : t('note.notKept')}
            </Text>
            {wrong && (
              <Alert color="red" role="alert">
                {t('note.fixErrors')}
              </Alert>
            )}
            <Group>
              <PrintButton label={t('note.print')} check={checkBeforePrint} size="lg" variant="filled" />
            </Group>
            {!familyHome.data && <Text>{t('note.register')}</Text>}
          </Stack>
        </Section>
        {familyHome.data && <SendToTeam home={familyHome.data} parts={parts} />}
        <Section id="note-erase" title={t('note.eraseTitle')}>
          <Text mb="md">{t('note.eraseLead')}</Text>
          <Group>
            <Button size="lg" variant="outline" color="red" onClick={() => setErasing(true)}>
              {t('note.erase')}
            </Button>
          </Group>
        </Section>
      </Stack>
      <ConfirmDialog
        opened={erasing}
        title={t('note.eraseConfirmTitle')}
        confirmLabel={t('note.eraseButton')}
        danger
        onClose={() => setErasing(false)}
        onConfirm={() => {
          eraseNote();
          setErasing(false);
          onErased();
        }}
      >
        {t('note.eraseConfirm')}
      </ConfirmDialog>
      <article className="form-print self-note-print">
        <header className="form-print-head">
          <h1>{emergencyInfoSheet.title}</h1>
          <p>
            {emergencyInfoSheet.subtitle}　／　{printedOn}
          </p>
        </header>
        <FormSheetSections definition={emergencyInfoSheet} values={emergency.values} />
        {/* The wishes on a sheet of their own, which can be handed to a doctor or kept with the first. */}
        <header className="form-print-head self-note-print-wishes">
          <h2>{acpNote.title}</h2>
          <p>
            {name ? `${t('note.printedName', { name })}　／　` : ''}
            {printedOn}
          </p>
        </header>
        <FormSheetSections definition={acpNote} values={acp.values} />
      </article>
    </>
  );
}

/** The family session of this browser, if any (401 without one: then there is no data). */
function useFamilyHome() {
  return useQuery({
    queryKey: ['family', 'home'],
    queryFn: () => api.get<FamilyHome>('/api/family/home'),
    retry: false,
  });
}

/**
 * 「ケアチームに送る」, only for a family member of a care team (a family session): the filled fields
 * as one post on the team's timeline, when they choose to send it.
 */
function SendToTeam({
  home,
  parts,
}: {
  home: FamilyHome;
  parts: { definition: FormDefinition; values: FormValues }[];
}) {
  const { t } = useTranslation('emergency');
  const format = useDateFormatter();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const summary = noteSummary(
    t('note.summaryHeading', { lng: 'ja', date: format.date(todayInJapan()) }),
    parts,
  );
  const send = useMutation({
    mutationFn: () => api.post('/api/family/posts', { body: summary }),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: ['family', 'home'] });
    },
  });
  const length = summary.trim().length;
  const tooLong = length > FAMILY_POST_MAX;
  return (
    <Section id="note-send" title={t('note.sendTitle')}>
      <Stack gap="sm">
        <Text>{t('note.sendLead')}</Text>
        <Text>{t('note.sendConsent')}</Text>
        {!home.teamOpen ? (
          <Text fw={700}>{t('note.teamClosed')}</Text>
        ) : length === 0 ? (
          <Text fw={700}>{t('note.sendEmpty')}</Text>
        ) : tooLong ? (
          <Alert color="yellow" role="status">
            {t('note.sendTooLong', { count: length, max: FAMILY_POST_MAX })}
          </Alert>
        ) : (
          <>
            <Text>{t('note.sendWhat', { count: length })}</Text>
            <NoticeAlert message={send.isSuccess && t('note.sent')} onClose={() => send.reset()} />
            <Group>
              <Button size="lg" onClick={() => setConfirming(true)}>
                {t('note.send')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('note.sendConfirmTitle')}
        confirmLabel={t('note.sendButton')}
        pending={send.isPending}
        error={send.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => send.mutate()}
      >
        {t('note.sendConfirm')}
      </ConfirmDialog>
    </Section>
  );
}
