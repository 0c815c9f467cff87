// `/emergency/review` — the support center's review of EMS look-ups: every look-up, newest first;
// break-glass searches wait for an outcome (appropriate, needs follow-up with the fire department,
// inappropriate) with a note. Patients appear only as initials, age and area. Below, the counts of
// scenes 3 and 4 for a year: kits issued per month and area, ACP discussions, look-ups.
import { Badge, Button, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  accessMethods,
  accessReasons,
  type Indicators,
  type ReviewItem,
  type ReviewList,
  reviewOutcomes,
} from '../../../shared/schemas/emergency';
import { api, withQuery } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import { hasRole, useMe } from '../../ui/session';
import './i18n';

const reviewKey = (status: string) => ['emergency', 'review', status] as const;

export default function ReviewPage() {
  const { t } = useTranslation('emergency');
  return (
    <Stack gap="xl">
      <PageTitle title={t('review.title')} />
      <Text>{t('review.lead')}</Text>
      <AccessList />
      <IndicatorsSection />
    </Stack>
  );
}

function AccessList() {
  const { t } = useTranslation('emergency');
  const me = useMe();
  const mayReview = hasRole(me.data, ['center_staff']);
  const [status, setStatus] = useState<'pending' | 'all'>('pending');
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({
    queryKey: reviewKey(status),
    queryFn: () => api.get<ReviewList>(withQuery('/api/emergency/accesses', { status })),
    refetchInterval: 60_000,
  });
  return (
    <Section id="review-list" title={t('review.listTitle')}>
      <Stack gap="md">
        <NoticeAlert message={notice} onClose={() => setNotice(null)} />
        <Group>
          {list.data && (
            <Text size="lg" fw={700}>
              {t('review.pending', { count: list.data.pending })}
            </Text>
          )}
          <SegmentedControl
            value={status}
            onChange={(value) => setStatus(value as 'pending' | 'all')}
            data={[
              { value: 'pending', label: t('review.showPending') },
              { value: 'all', label: t('review.showAll') },
            ]}
          />
        </Group>
        {list.isPending && <Loading />}
        <ErrorAlert error={list.error} />
        {list.data && list.data.items.length === 0 && <Text>{t('review.none')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <ScrollTable label={t('review.listTitle')} minWidth={900}>
            <thead>
              <tr>
                <th scope="col">{t('review.at')}</th>
                <th scope="col">{t('review.crew')}</th>
                <th scope="col">{t('review.method')}</th>
                <th scope="col">{t('review.reason')}</th>
                <th scope="col">{t('review.patient')}</th>
                <th scope="col">{t('review.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <AccessRow key={item.id} item={item} mayReview={mayReview} onReviewed={setNotice} />
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Stack>
    </Section>
  );
}

function AccessRow({
  item,
  mayReview,
  onReviewed,
}: {
  item: ReviewItem;
  mayReview: boolean;
  onReviewed: (message: string) => void;
}) {
  const { t } = useTranslation('emergency');
  const label = useLabel();
  return (
    <tr>
      <td>
        <DateText value={item.at} time />
      </td>
      <td>
        {item.crew}
        <Text size="xs" c="dimmed">
          {item.organisation}
        </Text>
      </td>
      <td>
        {label(accessMethods, item.method)}
        {item.needsReview && !item.outcome && (
          <Badge color="red" variant="light" ml={4}>
            {t('review.needsReview')}
          </Badge>
        )}
      </td>
      <td>
        {label(accessReasons, item.reason)}
        {item.reasonNote && `: ${item.reasonNote}`}
      </td>
      <td>
        {item.patient
          ? `${item.patient.initials}　${t('review.age', { age: item.patient.age })}　${item.patient.area ?? t('review.noArea')}`
          : t('review.notFound')}
      </td>
      <td>
        {item.outcome ? (
          <>
            {t('review.reviewed', {
              outcome: label(reviewOutcomes, item.outcome),
              name: item.reviewedBy ?? '',
            })}
            {item.reviewNote && <Text size="xs">{item.reviewNote}</Text>}
          </>
        ) : mayReview ? (
          <ReviewForm item={item} onReviewed={onReviewed} />
        ) : item.needsReview ? (
          t('review.awaitingCenter')
        ) : (
          t('review.notRequired')
        )}
      </td>
    </tr>
  );
}

function ReviewForm({ item, onReviewed }: { item: ReviewItem; onReviewed: (message: string) => void }) {
  const { t } = useTranslation('emergency');
  const label = useLabel();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () => api.put<ReviewList>(`/api/emergency/accesses/${item.id}/review`, { outcome, note }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['emergency', 'review'] });
      onReviewed(t('review.recorded'));
    },
  });
  return (
    <Stack gap={4}>
      <NativeSelect
        aria-label={t('review.outcome')}
        value={outcome}
        data={[
          { value: '', label: t('review.outcome') },
          ...reviewOutcomes.map((o) => ({ value: o.code, label: label(reviewOutcomes, o.code) })),
        ]}
        onChange={(e) => setOutcome(e.currentTarget.value)}
      />
      <TextInput
        aria-label={t('review.note')}
        placeholder={t('review.note')}
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <ErrorAlert error={record.error} />
      <Button size="xs" loading={record.isPending} onClick={() => record.mutate()}>
        {t('review.record')}
      </Button>
    </Stack>
  );
}

function IndicatorsSection() {
  const { t } = useTranslation('emergency');
  const label = useLabel();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const counts = useQuery({
    queryKey: ['emergency', 'indicators', year],
    queryFn: () => api.get<Indicators>(withQuery('/api/emergency/indicators', { year })),
  });
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));
  const data = counts.data;
  return (
    <Section id="indicators" title={t('review.indicatorsTitle')}>
      <Stack gap="md">
        <NativeSelect
          label={t('review.year')}
          value={String(year)}
          data={years}
          maw={160}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
        />
        {counts.isPending && <Loading />}
        <ErrorAlert error={counts.error} />
        {data && (
          <>
            <CountTable
              label={t('review.kits')}
              columns={[t('review.month'), t('review.areaName'), t('review.count')]}
              rows={data.kits.map((row) => [row.month, row.area ?? t('review.noArea'), row.count])}
            />
            <CountTable
              label={t('review.acp')}
              columns={[t('review.month'), t('review.discussions'), t('review.patients')]}
              rows={data.acp.map((row) => [row.month, row.discussions, row.patients])}
            />
            <CountTable
              label={t('review.accessCounts')}
              columns={[t('review.month'), t('review.method'), t('review.count')]}
              rows={data.accesses.map((row) => [row.month, label(accessMethods, row.method), row.count])}
            />
          </>
        )}
      </Stack>
    </Section>
  );
}

function CountTable({
  label,
  columns,
  rows,
}: {
  label: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  const { t } = useTranslation('emergency');
  return (
    <Stack gap={4}>
      <Text fw={700}>{label}</Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('review.empty')}</Text>
      ) : (
        <ScrollTable label={label} minWidth={360}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.join('|')}>
                {row.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are its columns, in order
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
