// Why a one-time link (invite or password reset) cannot be used, and what to do instead.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';

type Props = { title: string; reason: string; whatToDo: string; extra?: string };

export function LinkProblem({ title, reason, whatToDo, extra }: Props) {
  const { t } = useTranslation();
  return (
    <Stack maw="40rem" mx="auto" w="100%">
      <PageTitle title={title} />
      <Alert color="red" title={reason} role="alert">
        {whatToDo}
      </Alert>
      {extra && <Text>{extra}</Text>}
      <Button component={Link} to="/login" variant="default" w="fit-content">
        {t('common.toLogin')}
      </Button>
    </Stack>
  );
}
