// Writing to the team: a message, vitals or a visit report (with 至急, mentions and files), or a
// reply to a post (words and files).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { Controller, type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENTS } from '../../../shared/files';
import { writtenPostKinds } from '../../../shared/schemas/structured-posts';
import type { TeamDetail, TeamPost } from '../../../shared/schemas/teams';
import { POST_MAX_LENGTH } from '../../../shared/teams';
import { api } from '../../api';
import { AttachmentPicker } from '../../ui/AttachmentPicker';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  type ComposerValues,
  composerSchema,
  emptyVisitReport,
  emptyVitals,
  type PostRequest,
} from './composer-form';
import { teamPath, useTeamMutation } from './use-team';
import { VisitReportFields } from './VisitReportFields';
import { VitalsFields } from './VitalsFields';
import './i18n';

type Props = {
  team: TeamDetail;
  /** Given: a reply to this post (words and files only). */
  replyTo?: TeamPost;
  onPosted?: () => void;
};

const blank = (replyTo: TeamPost | undefined, kind: ComposerValues['kind'] = 'text'): ComposerValues => ({
  kind,
  body: '',
  urgent: false,
  mentions: [],
  parentId: replyTo?.id,
  forFamily: replyTo?.forFamily ?? false,
  attachments: [],
  vitals: emptyVitals(),
  visitReport: emptyVisitReport(),
});

function KindChoice({ form }: { form: UseFormReturn<ComposerValues, unknown, PostRequest> }) {
  const { t } = useTranslation('teams');
  return (
    <Controller
      control={form.control}
      name="kind"
      render={({ field }) => (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="post-kind-label">
            {t('kinds.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="post-kind-label"
            value={field.value}
            onChange={(value) => {
              field.onChange(value);
              // Measured now, unless the time was typed: the page may have been open for hours.
              if (value === 'vitals' && !form.getFieldState('vitals.time').isDirty) {
                const now = emptyVitals();
                form.setValue('vitals.date', now.date);
                form.setValue('vitals.time', now.time);
              }
            }}
            data={writtenPostKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          />
        </Stack>
      )}
    />
  );
}

function Options({
  team,
  form,
}: {
  team: TeamDetail;
  form: UseFormReturn<ComposerValues, unknown, PostRequest>;
}) {
  const { t } = useTranslation('teams');
  const others = team.members.filter((m) => m.status === 'active' && m.memberId !== team.me.memberId);
  return (
    <>
      <Checkbox label={t('composer.urgent')} color="red" {...form.register('urgent')} />
      {team.family.some((f) => f.status === 'active') && (
        <Checkbox label={t('composer.forFamily')} color="grape" {...form.register('forFamily')} />
      )}
      {others.length > 0 && (
        <Controller
          control={form.control}
          name="mentions"
          render={({ field }) => (
            <Checkbox.Group label={t('composer.mentions')} {...field} value={field.value ?? []}>
              <Group gap="md" mt={4}>
                {others.map((m) => (
                  <Checkbox key={m.userId} value={m.userId} label={m.displayName} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
      )}
    </>
  );
}

export function Composer({ team, replyTo, onPosted }: Props) {
  const { t } = useTranslation('teams');
  const form = useForm<ComposerValues, unknown, PostRequest>({
    resolver: zodResolver(composerSchema),
    defaultValues: blank(replyTo),
  });
  const send = useTeamMutation(team.id, (values: PostRequest) =>
    api.post<TeamPost>(teamPath(team.id, '/posts'), values),
  );
  const kind = form.watch('kind');
  const submit = form.handleSubmit((values) =>
    send.mutate(values, {
      onSuccess: () => {
        form.reset(blank(replyTo, kind));
        onPosted?.();
      },
    }),
  );
  const idPrefix = replyTo ? `reply-${replyTo.id}` : 'post';
  const structured = kind !== 'text';
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {!replyTo && <KindChoice form={form} />}
        {kind === 'vitals' && <VitalsFields form={form} idPrefix={idPrefix} />}
        {kind === 'visit_report' && <VisitReportFields form={form} idPrefix={idPrefix} />}
        <Textarea
          id={`${idPrefix}-body`}
          label={
            replyTo
              ? t('composer.replyLabel', { name: replyTo.author.displayName })
              : structured
                ? t('vitals.comment')
                : t('composer.label')
          }
          description={replyTo || structured ? undefined : t('composer.hint', { max: POST_MAX_LENGTH })}
          autosize
          minRows={replyTo || structured ? 2 : 3}
          maxRows={12}
          error={form.formState.errors.body?.message}
          {...form.register('body')}
        />
        <Controller
          control={form.control}
          name="attachments"
          render={({ field }) => (
            <AttachmentPicker
              uploadUrl={teamPath(team.id, '/files')}
              max={MAX_ATTACHMENTS}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        {!replyTo && <Options team={team} form={form} />}
        <ErrorAlert error={send.error} shownPaths={['body']} />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            {replyTo ? t('composer.replySubmit') : t('composer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
