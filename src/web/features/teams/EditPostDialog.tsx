// Changing a post: its words and, for vitals or a visit report, its fields. The version it was read
// at goes with the change; when someone changed it meanwhile the server answers 409 with the
// current post, which is shown and becomes the base of the next try.
import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { postUpdateRequest, TeamPost } from '../../../shared/schemas/teams';
import { api, isApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { Modal } from '../../ui/Modal';
import { type ComposerValues, editSchema, valuesOf } from './composer-form';
import type { Props } from './PostDialogs';
import { StructuredPost } from './StructuredPost';
import { teamPath, useTeamMutation } from './use-team';
import { VisitReportFields } from './VisitReportFields';
import { VitalsFields } from './VitalsFields';
import './i18n';

type Change = z.output<typeof postUpdateRequest>;

export function EditPostDialog({ teamId, post, onClose }: Props) {
  const { t } = useTranslation('teams');
  const [base, setBase] = useState(post);
  const form = useForm<ComposerValues, unknown, Change>({
    resolver: zodResolver(editSchema),
    defaultValues: valuesOf(post),
  });
  const save = useTeamMutation(teamId, (change: Change) =>
    api.put<TeamPost>(teamPath(teamId, `/posts/${post.id}`), { ...change, version: base.version }),
  );
  const submit = form.handleSubmit((change) =>
    save.mutate(change, {
      onSuccess: onClose,
      onError: (error) => {
        if (isApiError(error) && error.code === 'edit_conflict')
          setBase((error.details as { current: TeamPost }).current);
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('post.editTitle')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          {post.kind === 'vitals' && <VitalsFields form={form} idPrefix={`edit-${post.id}`} />}
          {post.kind === 'visit_report' && <VisitReportFields form={form} idPrefix={`edit-${post.id}`} />}
          <Textarea
            label={post.kind === 'text' ? t('composer.label') : t('vitals.comment')}
            autosize
            minRows={3}
            required={post.kind === 'text'}
            error={form.formState.errors.body?.message}
            {...form.register('body')}
          />
          <ErrorAlert error={save.error} shownPaths={['body']} />
          {base !== post && (
            <Stack gap={4}>
              <Text size="sm">{t('post.editConflict')}</Text>
              <StructuredPost kind={base.kind} vitals={base.vitals} visitReport={base.visitReport} />
              <Text size="sm" className="pre-line">
                {base.body}
              </Text>
            </Stack>
          )}
          <FormButtons onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
