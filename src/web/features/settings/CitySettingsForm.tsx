import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Grid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { municipalityCheckDigit } from '../../../shared/municipality';
import { type CitySettings, citySettings } from '../../../shared/schemas/settings';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { type PublicSettings, publicSettingsKey } from '../../ui/public-settings';

const fields = ['cityName', 'prefectureName', 'municipalityCode', 'supportCenterName'] as const;

export function CitySettingsForm({ current }: { current: PublicSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The shared rule, with a message that says which part is wrong: the digits, or the check digit.
  const schema = useMemo(
    () =>
      citySettings.extend({
        municipalityCode: z
          .string()
          .trim()
          .regex(/^\d{6}$/, { error: t('settings.city.municipalityCodeDigits'), abort: true })
          .refine((code) => municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]), {
            error: t('settings.city.municipalityCodeCheck'),
          }),
      }),
    [t],
  );
  const form = useForm<z.input<typeof citySettings>, unknown, CitySettings>({
    resolver: zodResolver(schema),
    defaultValues: {
      cityName: current.cityName,
      prefectureName: current.prefectureName,
      municipalityCode: current.municipalityCode,
      supportCenterName: current.supportCenterName,
    },
  });
  const save = useMutation({
    mutationFn: (values: CitySettings) => api.put('/api/settings', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicSettingsKey }),
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;

  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="city-heading">
      <Title order={2} id="city-heading" mb="md">
        {t('settings.city.heading')}
      </Title>
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('settings.city.prefectureName')}
                error={errors.prefectureName?.message}
                {...form.register('prefectureName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('settings.city.cityName')}
                error={errors.cityName?.message}
                {...form.register('cityName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('settings.city.municipalityCode')}
                description={t('settings.city.municipalityCodeHint')}
                inputMode="numeric"
                maxLength={6}
                classNames={{ input: 'mono' }}
                error={errors.municipalityCode?.message}
                {...form.register('municipalityCode', {
                  // Digits typed in full width (全角) by a Japanese input method count as digits too.
                  setValueAs: (value: string) =>
                    value.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)),
                })}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('settings.city.supportCenterName')}
                error={errors.supportCenterName?.message}
                {...form.register('supportCenterName')}
              />
            </Grid.Col>
          </Grid>
          <ErrorAlert error={save.error} shownPaths={fields} />
          <NoticeAlert message={save.isSuccess && t('settings.city.saved')} />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
