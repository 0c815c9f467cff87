import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeRequestStatuses } from '../../../../shared/directory-fields';
import { useDateFormatter } from '../../../ui/DateText';
import { useLabel } from '../../../ui/labels';
import type { ChangeRequestView } from './api';
import { ChangeDiff } from './ChangeDiff';
import './i18n';

const statusColours = { pending: 'orange', approved: 'green', rejected: 'red', withdrawn: 'gray' } as const;

export function RequestStatusBadge({ status }: { status: ChangeRequestView['status'] }) {
  const label = useLabel();
  return (
    <Badge color={statusColours[status]} variant="light" size="lg">
      {label(changeRequestStatuses, status)}
    </Badge>
  );
}

type Props = {
  requests: ChangeRequestView[];
  /** Name the entry in each heading (a list of several entries' requests). */
  showPoint?: boolean;
  /** Buttons under a request (withdraw; approve and return). */
  actions?: (request: ChangeRequestView) => ReactNode;
};

/** Change requests with their state, the fields before → after, and the center's comment. */
export function RequestsList({ requests, showPoint = false, actions }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useDateFormatter();
  if (requests.length === 0) return <Text>{t('directoryMaintenance.requests.none')}</Text>;
  return (
    <Stack component="ul" className="scene-list" gap="md">
      {requests.map((request) => {
        const heading = t('directoryMaintenance.requests.heading', {
          name: showPoint ? `${request.pointName} ` : '',
          date: format.date(request.requestedAt),
        });
        return (
          <Card component="li" key={request.id} withBorder padding="md">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start">
                <Title order={3} size="h4">
                  {heading}
                </Title>
                <RequestStatusBadge status={request.status} />
              </Group>
              <Text size="sm">
                {t('directoryMaintenance.requests.requestedBy', {
                  name:
                    showPoint && request.organisationName
                      ? `${request.requestedByName}（${request.organisationName}）`
                      : request.requestedByName,
                  time: format.dateTime(request.requestedAt),
                })}
              </Text>
              {request.note && (
                <Text size="sm">
                  {t('directoryMaintenance.requests.note')}: {request.note}
                </Text>
              )}
              <ChangeDiff
                label={t('directoryMaintenance.requests.diffLabel', {
                  name: showPoint ? request.pointName : '',
                  time: format.dateTime(request.requestedAt),
                })}
                {...request}
              />
              {request.decidedAt && (
                <Text size="sm">
                  {t('directoryMaintenance.requests.decidedBy', {
                    status: label(changeRequestStatuses, request.status),
                    name: request.decidedByName ?? '',
                    time: format.dateTime(request.decidedAt),
                  })}
                </Text>
              )}
              {request.comment && (
                <Alert
                  color={request.status === 'rejected' ? 'red' : 'blue'}
                  title={t('directoryMaintenance.requests.comment')}
                >
                  {request.comment}
                </Alert>
              )}
              {actions?.(request)}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
