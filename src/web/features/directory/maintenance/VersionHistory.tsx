import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionSources } from '../../../../shared/directory-fields';
import { useDateFormatter } from '../../../ui/DateText';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { useLabel } from '../../../ui/labels';
import { useVersions } from './api';
import { ChangeDiff } from './ChangeDiff';
import './i18n';

const FIRST = 5;

/** 「変更の履歴」: who changed what and when, newest first, each change as before → after. */
export function VersionHistory({ pointId }: { pointId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useDateFormatter();
  const versions = useVersions(pointId);
  const [all, setAll] = useState(false);
  const shown = all ? versions.data : versions.data?.slice(0, FIRST);
  return (
    <section aria-labelledby="history-heading">
      <Title order={2} id="history-heading" mb="sm">
        {t('directoryMaintenance.history.heading')}
      </Title>
      {versions.isPending && <Loading />}
      <ErrorAlert error={versions.error} />
      {versions.data?.length === 0 && <Text>{t('directoryMaintenance.history.none')}</Text>}
      <Stack component="ul" className="scene-list" gap="md">
        {shown?.map((version) => {
          const heading = t('directoryMaintenance.history.entry', {
            time: format.dateTime(version.changedAt),
            source: label(versionSources, version.source),
          });
          return (
            <Card component="li" key={`${version.version}:${version.changedAt}`} withBorder padding="md">
              <Title order={3} size="h4">
                {heading}
              </Title>
              <Text size="sm" mb="xs">
                {t('directoryMaintenance.history.by', {
                  name: version.changedByName ?? t('directoryMaintenance.history.system'),
                  version: version.version,
                })}
              </Text>
              <ChangeDiff label={t('directoryMaintenance.history.diffLabel', { heading })} {...version} />
            </Card>
          );
        })}
      </Stack>
      {!all && (versions.data?.length ?? 0) > FIRST && (
        <Group mt="md">
          <Button variant="default" onClick={() => setAll(true)}>
            {t('directoryMaintenance.history.more', { count: (versions.data?.length ?? 0) - FIRST })}
          </Button>
        </Group>
      )}
    </section>
  );
}
