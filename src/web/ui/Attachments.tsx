// The files of a post or consent: photos shown in place (opening full size), PDF as downloads.
import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isImageType } from '../../shared/files';
import type { StoredFile } from '../../shared/schemas/files';

export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function Attachments({ files, urlOf }: { files: StoredFile[]; urlOf: (file: StoredFile) => string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  const images = files.filter((f) => isImageType(f.mediaType));
  const documents = files.filter((f) => !isImageType(f.mediaType));
  return (
    <Stack gap="xs" aria-label={t('files.attachments')} role="group">
      {images.length > 0 && (
        <Group gap="xs" align="flex-start">
          {images.map((file) => (
            <a
              key={file.id}
              href={urlOf(file)}
              target="_blank"
              rel="noopener"
              aria-label={t('files.open', { name: file.name })}
            >
              <img className="attachment-image" src={urlOf(file)} alt={file.name} loading="lazy" />
            </a>
          ))}
        </Group>
      )}
      {documents.map((file) => (
        <Anchor key={file.id} href={urlOf(file)} download={file.name}>
          {t('files.download', { name: file.name, size: fileSize(file.size) })}
        </Anchor>
      ))}
    </Stack>
  );
}
