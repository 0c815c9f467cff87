// `/emergency` — an ambulance crew member's page, made for a phone: open the emergency information by
// the card (the QR code scanned on /e, or the number typed) with a reason, or — with no card at hand —
// by a break-glass search on the full name and birth date. Every look-up is recorded, audited and told
// to the care team; searches are reviewed by the center. The sheet stays in memory only, and 「閉じる」
// clears it.
import { Alert, Button, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { accessReasons, type EmsSheet } from '../../../shared/schemas/emergency';
import type { areaList } from '../../../shared/schemas/settings';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLabel } from '../../ui/labels';
import { PageTitle } from '../../ui/PageTitle';
import { Section } from '../../ui/Section';
import { EmsSheetView } from './EmsSheetView';
import { SCANNED_TOKEN_KEY } from './use-emergency';
import './i18n';

type Reason = (typeof accessReasons)[number]['code'];

function ReasonFields({
  reason,
  note,
  onReason,
  onNote,
  name,
}: {
  reason: Reason | '';
  note: string;
  onReason: (reason: Reason) => void;
  onNote: (note: string) => void;
  name: string;
}) {
  const { t } = useTranslation('emergency');
  const label = useLabel();
  return (
    <>
      <Radio.Group
        label={t('ems.reason')}
        value={reason}
        onChange={(value) => onReason(value as Reason)}
        name={name}
        required
      >
        <Stack gap="sm" mt="xs">
          {accessReasons.map((r) => (
            <Radio key={r.code} value={r.code} label={label(accessReasons, r.code)} size="md" />
          ))}
        </Stack>
      </Radio.Group>
      {reason === 'other' && (
        <Textarea
          label={t('ems.reasonNote')}
          value={note}
          maxLength={200}
          onChange={(e) => onNote(e.currentTarget.value)}
        />
      )}
    </>
  );
}

export default function EmsPage() {
  const { t } = useTranslation('emergency');
  const [sheets, setSheets] = useState<EmsSheet[]>([]);
  const close = () => setSheets([]);
  if (sheets.length > 0)
    return (
      <Stack gap="lg">
        <PageTitle title={t('ems.title')} />
        {sheets.length > 1 && <Alert color="yellow">{t('ems.results', { count: sheets.length })}</Alert>}
        {sheets.map((sheet) => (
          <EmsSheetView key={sheet.accessId} sheet={sheet} />
        ))}
        <Button size="lg" variant="default" onClick={close}>
          {t('ems.close')}
        </Button>
      </Stack>
    );
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('ems.title')} />
      <Text>{t('ems.lead')}</Text>
      <CardLookup onFound={(sheet) => setSheets([sheet])} />
      <BreakGlassSearch onFound={setSheets} />
    </Stack>
  );
}

function CardLookup({ onFound }: { onFound: (sheet: EmsSheet) => void }) {
  const { t } = useTranslation('emergency');
  const [token, setToken] = useState(() => sessionStorage.getItem(SCANNED_TOKEN_KEY));
  const [code, setCode] = useState('');
  const [reason, setReason] = useState<Reason | ''>('');
  const [note, setNote] = useState('');
  const lookup = useMutation({
    mutationFn: () =>
      api.post<EmsSheet>('/api/emergency/lookup', {
        ...(token ? { token } : { code }),
        reason,
        ...(note ? { reasonNote: note } : {}),
      }),
    onSuccess: (sheet) => {
      sessionStorage.removeItem(SCANNED_TOKEN_KEY);
      onFound(sheet);
    },
  });
  const forget = () => {
    sessionStorage.removeItem(SCANNED_TOKEN_KEY);
    setToken(null);
  };
  return (
    <Section id="card-heading" title={t('ems.open')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          lookup.mutate();
        }}
      >
        <Stack gap="md">
          {token ? (
            <Alert color="blue" role="status">
              <Stack gap="xs">
                <Text>{t('ems.scanned')}</Text>
                <Button variant="white" w="fit-content" onClick={forget}>
                  {t('ems.discardScan')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <TextInput
              size="lg"
              label={t('ems.code')}
              description={t('ems.codeHint')}
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              onChange={(e) => setCode(e.currentTarget.value)}
            />
          )}
          <ReasonFields
            reason={reason}
            note={note}
            onReason={setReason}
            onNote={setNote}
            name="card-reason"
          />
          <ErrorAlert error={lookup.error} />
          <Button type="submit" size="lg" color="red" loading={lookup.isPending}>
            {t('ems.open')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function BreakGlassSearch({ onFound }: { onFound: (sheets: EmsSheet[]) => void }) {
  const { t } = useTranslation('emergency');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [areaId, setAreaId] = useState('');
  const [reason, setReason] = useState<Reason | ''>('');
  const [note, setNote] = useState('');
  const areas = useQuery({
    queryKey: ['areas'],
    queryFn: () => api.get<z.infer<typeof areaList>>('/api/areas'),
  });
  const search = useMutation({
    mutationFn: () =>
      api.post<{ items: EmsSheet[] }>('/api/emergency/search', {
        name,
        birthDate,
        ...(areaId ? { areaId } : {}),
        reason,
        ...(note ? { reasonNote: note } : {}),
      }),
    onSuccess: (found) => onFound(found.items),
  });
  return (
    <Section id="search-heading" title={t('ems.searchTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          search.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('ems.searchLead')}</Text>
          <TextInput
            size="md"
            label={t('ems.name')}
            value={name}
            autoComplete="off"
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            size="md"
            type="date"
            label={t('ems.birthDate')}
            value={birthDate}
            onChange={(e) => setBirthDate(e.currentTarget.value)}
          />
          <NativeSelect
            size="md"
            label={t('ems.area')}
            value={areaId}
            data={[
              { value: '', label: t('ems.anyArea') },
              ...(areas.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
            onChange={(e) => setAreaId(e.currentTarget.value)}
          />
          <ReasonFields
            reason={reason}
            note={note}
            onReason={setReason}
            onNote={setNote}
            name="search-reason"
          />
          <ErrorAlert error={search.error} />
          <Button type="submit" size="lg" variant="outline" color="red" loading={search.isPending}>
            {t('ems.search')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
