import { Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { FormButtons } from '../../../ui/FormButtons';
import { Modal } from '../../../ui/Modal';
import { type ChangeRequestView, useRefreshDirectory } from './api';
import './i18n';

export type Decision = { request: ChangeRequestView; decision: 'approve' | 'reject' };

type Props = { deciding: Decision | null; onClose: () => void; onDone: (decision: Decision) => void };

/** Approve (publishes the changes) or return a request; returning needs a comment the organisation reads. */
export function DecisionDialog({ deciding, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const refresh = useRefreshDirectory();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: ({ request, decision }: Decision) =>
      api.post(`/api/directory/change-requests/${encodeURIComponent(request.id)}/decision`, {
        decision,
        comment,
      }),
    onSuccess: (_, decision) => {
      setComment('');
      onDone(decision);
    },
    onSettled: () => refresh(),
  });
  const reject = deciding?.decision === 'reject';
  const commentError = isApiError(decide.error)
    ? decide.error.fieldIssues.find((issue) => issue.path === 'comment')?.message
    : undefined;
  const close = () => {
    decide.reset();
    setComment('');
    onClose();
  };
  return (
    <Modal
      opened={deciding !== null}
      onClose={close}
      title={t(
        reject ? 'directoryMaintenance.approvals.rejectTitle' : 'directoryMaintenance.approvals.approveTitle',
      )}
      size="lg"
    >
      <Stack>
        <Text>
          {t(
            reject
              ? 'directoryMaintenance.approvals.rejectBody'
              : 'directoryMaintenance.approvals.approveBody',
            {
              name: deciding?.request.pointName ?? '',
            },
          )}
        </Text>
        <Textarea
          label={t(
            reject
              ? 'directoryMaintenance.approvals.commentRequired'
              : 'directoryMaintenance.approvals.comment',
          )}
          description={t('directoryMaintenance.approvals.commentHint')}
          autosize
          minRows={3}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={commentError}
          withAsterisk={reject}
        />
        <ErrorAlert error={decide.error} shownPaths={['comment']} />
        <FormButtons
          onCancel={close}
          pending={decide.isPending}
          submitLabel={t(
            reject ? 'directoryMaintenance.approvals.reject' : 'directoryMaintenance.approvals.approve',
          )}
          onSubmit={() => deciding && decide.mutate(deciding)}
        />
      </Stack>
    </Modal>
  );
}
