// Choosing files to attach: each is sent at once (photos made smaller first, shrink-photo.ts) and
// listed with a way to take it off again; the form then sends only the ids.
import { Button, CloseButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
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
  // The list as it is when an upload ends (a file may have been taken off meanwhile).
  const latest = useRef(value);
  latest.current = value;
  const [leftOut, setLeftOut] = useState(false);
  const send = useMutation({
    mutationFn: async (chosen: File[]) => {
      // One after another, each listed as soon as it is sent: a later refusal keeps the earlier ones.
      for (const file of chosen) {
        const sent = await uploadFile(uploadUrl, file);
        latest.current = [...latest.current, sent];
        onChange(latest.current);
      }
    },
  });
  const room = max - value.length;
  const choose = (files: File[]) => {
    setLeftOut(files.length > room);
    send.mutate(files.slice(0, room));
  };
  return (
    <Stack gap={6}>
      <Group gap="sm">
        <FileButton multiple accept={attachmentAccept} onChange={choose}>
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
      {leftOut && (
        <Text size="sm" c="red.8" role="status">
          {t('files.tooMany', { count: max })}
        </Text>
      )}
      <ErrorAlert error={send.error} />
    </Stack>
  );
}
