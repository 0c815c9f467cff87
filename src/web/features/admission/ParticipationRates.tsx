// The participation rate (参加率) by kind and area: a live figure, read afresh every minute and after
// each declaration, for the center's home page and the participation page.
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ParticipationRates } from '../../../shared/schemas/admission-participation';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ScrollTable } from '../../ui/ScrollTable';

export const participationKey = ['admission', 'participation'] as const;

export function useParticipationRates() {
  return useQuery({
    queryKey: [...participationKey, 'rates'],
    queryFn: () => api.get<ParticipationRates>('/api/admission/participation/rates'),
    refetchInterval: 60_000,
  });
}

/** 1 of 2 as 50%; nothing to count as a dash. */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

export function ParticipationRateTable() {
  const { t } = useTranslation();
  const rates = useParticipationRates();
  if (rates.error) return <ErrorAlert error={rates.error} />;
  if (!rates.data) return null;
  const rows = [
    ...rates.data.total.map((rate) => ({ rate, area: t('admission.participation.allAreas') })),
    ...rates.data.byArea.map((rate) => ({
      rate,
      area: rate.areaName ?? t('admission.participation.noArea'),
    })),
  ];
  return (
    <>
      <ScrollTable label={t('admission.participation.rateTable')} minWidth={560}>
        <thead>
          <tr>
            <th scope="col">{t('admission.participation.kind')}</th>
            <th scope="col">{t('admission.participation.area')}</th>
            <th scope="col">{t('admission.participation.rate')}</th>
            <th scope="col">{t('admission.participation.status.participating')}</th>
            <th scope="col">{t('admission.participation.status.not_participating')}</th>
            <th scope="col">{t('admission.participation.status.unanswered')}</th>
            <th scope="col">{t('admission.participation.entries')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ rate, area }) => (
            <tr key={`${rate.kind}-${area}`}>
              <td>{t(`admission.participation.kinds.${rate.kind}`)}</td>
              <td>{area}</td>
              <td>
                <strong>{percentOf(rate.participating, rate.entries)}</strong>
              </td>
              <td>{rate.participating}</td>
              <td>{rate.notParticipating}</td>
              <td>{rate.entries - rate.participating - rate.notParticipating}</td>
              <td>{rate.entries}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <Text size="sm" c="dimmed" mt="xs">
        {t('admission.participation.rateNote')}
      </Text>
    </>
  );
}
