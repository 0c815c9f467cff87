import { Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarStyle } from '../../../shared/dates';
import { DateText } from '../../ui/DateText';
import { setPreference, usePreferences } from '../../ui/preferences';
import { Section } from './Section';

export function DisplaySection() {
  const { t } = useTranslation();
  const { calendar } = usePreferences();
  return (
    <Section id="display-heading" title={t('account.display.heading')}>
      <Stack>
        <Text>{t('account.display.lead')}</Text>
        <Radio.Group
          label={t('dates.calendar')}
          value={calendar}
          onChange={(value) => setPreference('calendar', value as CalendarStyle)}
        >
          <Group mt="xs">
            <Radio value="wareki" label={t('dates.wareki')} />
            <Radio value="seireki" label={t('dates.seireki')} />
          </Group>
        </Radio.Group>
        <Text size="sm">
          <DateText value={new Date()} />
        </Text>
      </Stack>
    </Section>
  );
}
