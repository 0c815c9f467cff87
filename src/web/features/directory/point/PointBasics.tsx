import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weekdays } from '../../../../shared/directory-codes';
import type { ServicePointDetail } from '../../../../shared/schemas/directory';
import { useLabel, useLang } from '../../../ui/labels';
import { type Definition, DefinitionList } from '../parts/DefinitionList';
import { useKindLabel } from '../parts/kind-label';
import { telHref } from '../parts/phone';

/** A web address as a link; the open data sometimes holds an e-mail address or a phone number there. */
function WebAddress({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <>{url}</>;
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </Anchor>
  );
}

/** 基本情報: kind, official number, address, contacts, days and hours, size, departments, notes. */
export function PointBasics({ point }: { point: ServicePointDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const lang = useLang();
  const kindLabel = useKindLabel();
  const join = (items: string[]) => items.join(lang === 'ja' ? '・' : ', ');
  const rows: Definition[] = [
    [t('directory.point.kind'), kindLabel(point.serviceCode, point.serviceName)],
    [t(`directory.point.codes.${point.identityScheme}`), point.officialCode],
    [t('directory.point.address'), [point.address, point.building].filter(Boolean).join(' ')],
    [t('directory.point.phone'), point.phone && <Anchor href={telHref(point.phone)}>{point.phone}</Anchor>],
    [t('directory.point.fax'), point.fax],
    [t('directory.point.url'), point.url && <WebAddress url={point.url} />],
    [t('directory.point.days'), join(point.openWeekdays.map((day) => label(weekdays, day)))],
    [t('directory.point.hours'), [point.hours, point.hoursNote].filter(Boolean).join(' ')],
    [
      t('directory.point.capacity'),
      point.capacity ? t('directory.point.capacityValue', { count: point.capacity }) : null,
    ],
    [t('directory.point.beds'), point.beds ? t('directory.point.bedsValue', { count: point.beds }) : null],
    [t('directory.point.departments'), join(point.departments)],
    [t('directory.point.languages'), join(point.languages)],
    [t('directory.point.corporateName'), point.corporateName],
    [t('directory.point.notes'), point.notes],
  ];
  return <DefinitionList rows={rows} />;
}
