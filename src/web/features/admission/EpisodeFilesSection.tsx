// The files of a hospital stay (診療情報提供書, 看護サマリー, the care plan …): listed by kind, opened
// or downloaded, and attached by anyone who takes part (each file sent at once, typed by the server).
import { Button, FileButton, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentAccept, FILE_NAME_HEADER } from '../../../shared/files';
import {
  type EpisodeFileKind,
  type EpisodeView,
  episodeFileKinds,
} from '../../../shared/schemas/admission-episodes';
import { api, upload } from '../../api';
import { Attachments } from '../../ui/Attachments';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Section } from '../../ui/Section';
import { shrinkPhoto } from '../../ui/shrink-photo';
import { episodePath, useEpisodeMutation } from './use-episode';

export function EpisodeFilesSection({ episode }: { episode: EpisodeView }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EpisodeFileKind>('referral');
  const attach = useEpisodeMutation(episode.id, async (chosen: File) => {
    const file = await shrinkPhoto(chosen);
    await upload(episodePath(episode.id, `/files?kind=${kind}`), file, {
      [FILE_NAME_HEADER]: encodeURIComponent(file.name),
    });
    // The episode as it is now, with the file listed.
    return api.get<EpisodeView>(episodePath(episode.id));
  });
  return (
    <Section id="episode-files" title={t('admission.files.heading')}>
      <Stack gap="md">
        {episode.files.length === 0 && <Text>{t('admission.files.none')}</Text>}
        {episodeFileKinds.map((code) => {
          const files = episode.files.filter((file) => file.kind === code);
          if (files.length === 0) return null;
          return (
            <div key={code}>
              <Text fw={700}>{t(`admission.files.kinds.${code}`)}</Text>
              <Attachments files={files} urlOf={(file) => episodePath(episode.id, `/files/${file.id}`)} />
            </div>
          );
        })}
        <Group align="flex-end">
          <NativeSelect
            label={t('admission.files.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as EpisodeFileKind)}
            data={episodeFileKinds.map((code) => ({
              value: code,
              label: t(`admission.files.kinds.${code}`),
            }))}
          />
          <FileButton accept={attachmentAccept} onChange={(file) => file && attach.mutate(file)}>
            {(props) => (
              <Button {...props} variant="default" loading={attach.isPending}>
                {t('admission.files.attach')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="sm" c="dimmed">
          {t('admission.files.hint')}
        </Text>
        <ErrorAlert error={attach.error} />
      </Stack>
    </Section>
  );
}
