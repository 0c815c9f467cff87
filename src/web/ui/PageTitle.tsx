import { Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, and the browser tab's title to match. */
export function PageTitle({ title, id, children }: { title: string; id?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} | ${t('common.appName')}`;
  }, [title, t]);
  return (
    <Title order={1} mb="sm" className="page-title" id={id}>
      {children ?? title}
    </Title>
  );
}
