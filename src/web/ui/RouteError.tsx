import { Alert, Button, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import NotFoundPage from './NotFoundPage';

/** Last resort when a page fails to render or its code fails to load (e.g. after a deploy). */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  const body = (
    <>
      <Alert color="red" title={t('errors.title')} role="alert">
        {chunkFailed ? t('errors.loadFailed') : t('errors.unexpected')}
      </Alert>
      <Button mt="md" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </Button>
    </>
  );
  return standalone ? (
    <Container size="lg" py="lg" component="main">
      {body}
    </Container>
  ) : (
    body
  );
}
