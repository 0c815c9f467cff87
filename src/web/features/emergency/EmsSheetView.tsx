// A patient's emergency information as an ambulance crew reads it on a phone: who they are and their
// blood type at the top, the wishes in an emergency next (CPR, transport …, from the 人生会議 record,
// with its date), then the sheet's sections; phone numbers are links that call.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/dates';
import type { FormField, FormValue } from '../../../shared/forms/definition';
import { emergencyInfoSheet } from '../../../shared/forms/emergency-info-sheet';
import type { EmsSheet } from '../../../shared/schemas/emergency';
import { FactList } from '../../ui/FactList';
import { shownValue } from '../../ui/FormSheet';
import { WishesList } from './WishesList';

function Value({ field, value }: { field: FormField; value: FormValue | undefined }) {
  const { t } = useTranslation('emergency');
  const text = shownValue(field, value);
  if (!text) return <>—</>;
  if (field.key.endsWith('Phone'))
    return (
      <Anchor href={`tel:${text.replace(/[^\d+]/g, '')}`} aria-label={`${t('ems.call')} ${text}`}>
        {text}
      </Anchor>
    );
  return <>{text}</>;
}

export function EmsSheetView({ sheet }: { sheet: EmsSheet }) {
  const { t } = useTranslation('emergency');
  const v = sheet.values;
  const head = [
    v.name,
    t('ems.age', { age: sheet.age }),
    v.sex,
    v.bloodType && `${v.bloodType}型 Rh${v.rh ?? ''}`,
  ]
    .filter(Boolean)
    .join('　');
  return (
    <Stack gap="md" component="article" aria-label={String(v.name ?? '')}>
      <Card withBorder padding="md">
        <Title order={2} size="h2">
          {head}
        </Title>
        <Text size="sm">
          {t('ems.savedAt', { date: formatDate(sheet.savedAt) })}　
          {sheet.confirmedOn
            ? t('ems.confirmedOn', { date: formatDate(sheet.confirmedOn) })
            : t('ems.notConfirmed')}
        </Text>
      </Card>
      <Card withBorder padding="md" style={{ borderColor: 'var(--mantine-color-red-7)', borderWidth: 3 }}>
        <Group gap="xs" mb="xs">
          <Title order={2} size="h3">
            {t('ems.wishesTitle')}
          </Title>
          {sheet.wishes?.discussedOn && (
            <Badge color="red" variant="light" size="lg">
              {t('ems.wishesFrom', { date: formatDate(sheet.wishes.discussedOn) })}
            </Badge>
          )}
        </Group>
        {sheet.wishes ? <WishesList wishes={sheet.wishes} notSet="—" /> : <Text>{t('ems.noWishes')}</Text>}
      </Card>
      {/* Only what is filled in: a crew reads this in the first minutes. */}
      {emergencyInfoSheet.sections
        .map((section) => ({ section, fields: section.fields.filter((f) => shownValue(f, v[f.key])) }))
        .filter(({ fields }) => fields.length > 0)
        .map(({ section, fields }) => (
          <Card
            key={section.key}
            withBorder
            padding="md"
            component="section"
            aria-labelledby={`ems-${sheet.accessId}-${section.key}`}
          >
            <Title order={2} size="h4" id={`ems-${sheet.accessId}-${section.key}`} mb="xs">
              {section.title}
            </Title>
            <FactList
              items={fields.map(
                (field) =>
                  [field.label, <Value key={field.key} field={field} value={v[field.key]} />] as const,
              )}
            />
          </Card>
        ))}
    </Stack>
  );
}
