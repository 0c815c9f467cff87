// Choosing files to attach: each is sent at once (photos made smaller first, shrink-photo.ts) and
// listed with a way to take it off again; the form then sends only the ids.
import { Button, CloseButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { attachmentAccept } from '../../shared/files';
import type { StoredFile } from '../../shared/schemas/files';
import { fileSize } from './Attachments';
import { ErrorAlert } from './ErrorAlert';
import { uploadFile } from './upload-file';

type Props = {
  /** Where files are sent (POST, raw body). */
  uploadUrl: string;
  max: number;
  value: StoredFile[];
  onChange: (files: StoredFile[]) => void;
  label?: string;
};

export function AttachmentPicker({ uploadUrl, max, value, onChange, label }: Props) {
  const { t } = useTranslation();
  const send = useMutation({
    mutationFn: async (chosen: File[]) => {
      const sent: StoredFile[] = [];
      // One after another, so that what was sent stays listed when a later file is refused.
      try {
        for (const file of chosen) sent.push(await uploadFile(uploadUrl, file));
      } finally {
        if (sent.length) onChange([...value, ...sent]);
      }
    },
  });
  const room = max - value.length;
  return (
    <Stack gap={6}>
      <Group gap="sm">
        <FileButton
          multiple
          accept={attachmentAccept}
          onChange={(files) => send.mutate(files.slice(0, room))}
        >
          {(props) => (
            <Button {...props} variant="default" size="sm" disabled={room <= 0} loading={send.isPending}>
              {label ?? t('files.pick')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {t('files.pickHint', { count: max })}
        </Text>
      </Group>
      {value.length > 0 && (
        <Stack component="ul" gap={4} className="plain-list">
          {value.map((file) => (
            <Group component="li" key={file.id} gap="xs">
              <Text size="sm">
                {file.name}（{fileSize(file.size)}）
              </Text>
              <CloseButton
                size="sm"
                aria-label={t('files.remove', { name: file.name })}
                onClick={() => onChange(value.filter((f) => f.id !== file.id))}
              />
            </Group>
          ))}
        </Stack>
      )}
      <ErrorAlert error={send.error} />
    </Stack>
  );
}
