import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle';

/** Unknown URL: say so kindly and offer a way back. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('errors.notFoundTitle')} />
      <Text mb="lg">{t('errors.notFoundBody')}</Text>
      <Group>
        <Button component={Link} to="/">
          {t('common.backToTop')}
        </Button>
        <Button component={Link} to="/home" variant="default">
          {t('common.backToHome')}
        </Button>
      </Group>
    </>
  );
}
