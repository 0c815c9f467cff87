// What the invite and password-reset pages share: looking the one-time link up (and saying why it
// cannot be used), the page around its form, and going on to set up the second factor afterwards.
import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { useSessionChanged } from '../../ui/session';
import { LinkProblem } from './LinkProblem';

type Status = 'valid' | 'expired' | 'used' | 'revoked';

type LinkProps<P> = {
  /** Where the link's texts are in the catalogue (invalidTitle, notFound, whatToDo and one per status). */
  texts: 'auth.invite' | 'auth.reset';
  queryKey: readonly unknown[];
  path: string;
  /** Said below the problem when the link has been used already. */
  usedWhatToDo?: string;
  children: (preview: P) => ReactNode;
};

/** Looks the link up; shows why it cannot be used, or the page for a link that can. */
export function OneTimeLink<P extends { status: Status }>(props: LinkProps<P>) {
  const { texts, queryKey, path, usedWhatToDo, children } = props;
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey,
    queryFn: () => api.get<P>(path),
    retry: false,
    refetchOnWindowFocus: false,
  });

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.status >= 400 && preview.error.status < 500) {
      return (
        <LinkProblem
          title={t(`${texts}.invalidTitle`)}
          reason={t(`${texts}.notFound`)}
          whatToDo={t(`${texts}.whatToDo`)}
        />
      );
    }
    return <ErrorAlert error={preview.error} />;
  }
  const { status } = preview.data;
  if (status !== 'valid') {
    return (
      <LinkProblem
        title={t(`${texts}.invalidTitle`)}
        reason={t(`${texts}.${status}`)}
        whatToDo={t(`${texts}.whatToDo`)}
        extra={status === 'used' ? usedWhatToDo : undefined}
      />
    );
  }
  return children(preview.data);
}

type FormProps = {
  title: string;
  /** The blue box that says what the link is for. */
  about: ReactNode;
  aboutTitle?: string;
  expiresLabel: string;
  expiresAt: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
  error: unknown;
  shownPaths: readonly string[];
  next: string;
  submitLabel: string;
  pending: boolean;
};

/** The page for a usable link: what it is for, until when, and its form. */
export function OneTimeLinkForm(props: FormProps) {
  const { title, about, aboutTitle, expiresLabel, expiresAt, onSubmit, children } = props;
  const { error, shownPaths, next, submitLabel, pending } = props;
  return (
    <Stack maw="40rem" mx="auto" w="100%">
      <PageTitle title={title} />
      <Alert color="blue" title={aboutTitle}>
        <Text>{about}</Text>
        <Text size="sm" mt={4}>
          {expiresLabel}: <DateText value={expiresAt} time />
        </Text>
      </Alert>
      <Card withBorder padding="lg">
        <form noValidate onSubmit={onSubmit}>
          <Stack>
            {children}
            <ErrorAlert error={error} shownPaths={shownPaths} />
            <Text size="sm">{next}</Text>
            <Button type="submit" size="lg" loading={pending}>
              {submitLabel}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

/** After the link is used the person is signed in part way: on to setting up the second factor. */
export function useOnToSecondFactorSetup() {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  return async () => {
    await sessionChanged();
    navigate('/totp-setup', { replace: true });
  };
}
