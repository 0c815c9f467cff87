// Writing to the team: a post (with 至急 and mentions) or a reply to one.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { postCreateRequest, type TeamDetail, type TeamPost } from '../../../shared/schemas/teams';
import { POST_MAX_LENGTH } from '../../../shared/teams';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

type Input = z.input<typeof postCreateRequest>;
type Values = z.output<typeof postCreateRequest>;

type Props = {
  team: TeamDetail;
  /** Given: a reply to this post (no urgent flag, no mentions). */
  replyTo?: TeamPost;
  onPosted?: () => void;
};

export function Composer({ team, replyTo, onPosted }: Props) {
  const { t } = useTranslation('teams');
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(postCreateRequest),
    defaultValues: {
      body: '',
      urgent: false,
      mentions: [],
      parentId: replyTo?.id,
      forFamily: replyTo?.forFamily ?? false,
    },
  });
  const send = useTeamMutation(team.id, (values: Values) =>
    api.post<TeamPost>(teamPath(team.id, '/posts'), values),
  );
  const others = team.members.filter((m) => m.status === 'active' && m.memberId !== team.me.memberId);
  const submit = form.handleSubmit((values) =>
    send.mutate(values, {
      onSuccess: () => {
        form.reset({
          body: '',
          urgent: false,
          mentions: [],
          parentId: replyTo?.id,
          forFamily: replyTo?.forFamily ?? false,
        });
        onPosted?.();
      },
    }),
  );
  const idPrefix = replyTo ? `reply-${replyTo.id}` : 'post';
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <Textarea
          id={`${idPrefix}-body`}
          label={
            replyTo ? t('composer.replyLabel', { name: replyTo.author.displayName }) : t('composer.label')
          }
          description={replyTo ? undefined : t('composer.hint', { max: POST_MAX_LENGTH })}
          autosize
          minRows={replyTo ? 2 : 3}
          maxRows={12}
          error={form.formState.errors.body?.message}
          {...form.register('body')}
        />
        {!replyTo && (
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
        )}
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
