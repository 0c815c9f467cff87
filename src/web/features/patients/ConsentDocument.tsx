// The scanned consent form (同意書の写し) of a consent: a link to open it, or — for a consent recorded
// without one — a button that sends a scan or photo and attaches it (once; it is not replaced).
import { Anchor, Button, FileButton, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { attachmentAccept, isImageType } from '../../../shared/files';
import { consentScopes } from '../../../shared/patients';
import type { Consent, PatientDetail } from '../../../shared/schemas/patients';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLabel } from '../../ui/labels';
import { uploadFile } from '../../ui/upload-file';
import './i18n';

const patientPath = (patientId: string, rest: string) =>
  `/api/patients/${encodeURIComponent(patientId)}${rest}`;

type Props = { patientId: string; consent: Consent; onSaved: (next: PatientDetail) => void };

export function ConsentDocument({ patientId, consent, onSaved }: Props) {
  const { t } = useTranslation('patients');
  const label = useLabel();
  const attach = useMutation({
    mutationFn: async (file: File) => {
      const scan = await uploadFile(patientPath(patientId, '/files'), file);
      return api.put<PatientDetail>(
        patientPath(patientId, `/consents/${encodeURIComponent(consent.id)}/document`),
        {
          fileId: scan.id,
        },
      );
    },
    onSuccess: onSaved,
  });
  const { document } = consent;
  if (document) {
    const url = patientPath(patientId, `/consents/${encodeURIComponent(consent.id)}/document`);
    return (
      <Anchor
        href={url}
        size="sm"
        {...(isImageType(document.mediaType)
          ? { target: '_blank', rel: 'noopener' }
          : { download: document.name })}
      >
        {t('consent.openDocument')}
      </Anchor>
    );
  }
  if (consent.withdrawnAt) return null;
  return (
    <Stack gap={4}>
      <FileButton accept={attachmentAccept} onChange={(file) => file && attach.mutate(file)}>
        {(props) => (
          <Button
            {...props}
            size="xs"
            variant="subtle"
            loading={attach.isPending}
            aria-label={t('consent.attachDocumentFor', { scope: label(consentScopes, consent.scope) })}
          >
            {t('consent.attachDocument')}
          </Button>
        )}
      </FileButton>
      <ErrorAlert error={attach.error} />
    </Stack>
  );
}
