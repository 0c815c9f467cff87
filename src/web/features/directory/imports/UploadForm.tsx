import { Button, Card, FileInput, Radio, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { type ImportMode, runsKey, uploadImport } from './api';
import './i18n';

/** The file and the mode, with what each mode means in plain words. */
export function UploadForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [missing, setMissing] = useState(false);
  const start = useMutation({
    mutationFn: (chosen: File) => uploadImport(chosen, mode),
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: runsKey });
      onStarted(id);
    },
  });
  const modes = [
    {
      value: 'all_or_nothing',
      label: t('directoryImport.upload.allOrNothing'),
      hint: t('directoryImport.upload.allOrNothingHint'),
    },
    {
      value: 'valid_rows',
      label: t('directoryImport.upload.validRows'),
      hint: t('directoryImport.upload.validRowsHint'),
    },
  ] as const;

  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="upload-heading">
      <Title order={2} id="upload-heading" mb="md">
        {t('directoryImport.upload.heading')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setMissing(!file);
          if (file) start.mutate(file);
        }}
      >
        <Stack>
          <FileInput
            label={t('directoryImport.upload.file')}
            description={t('directoryImport.upload.fileHint')}
            placeholder={t('directoryImport.upload.placeholder')}
            accept=".csv,.txt,text/csv"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setMissing(false);
              start.reset();
            }}
            error={missing ? t('directoryImport.upload.noFile') : undefined}
            clearable
            clearButtonProps={{ 'aria-label': t('directoryImport.upload.clear') }}
          />
          <Radio.Group
            label={t('directoryImport.upload.mode')}
            value={mode}
            onChange={(value) => setMode(value as ImportMode)}
          >
            <Stack gap="sm" mt="xs">
              {modes.map((option) => (
                <Radio
                  key={option.value}
                  value={option.value}
                  label={option.label}
                  description={option.hint}
                />
              ))}
            </Stack>
          </Radio.Group>
          <ErrorAlert error={start.error} />
          <NoticeAlert message={start.isSuccess && t('directoryImport.upload.started')} />
          <Button type="submit" loading={start.isPending} w="fit-content">
            {t('directoryImport.upload.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
