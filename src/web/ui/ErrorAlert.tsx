import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';

type Props = {
  error: unknown;
  /** Field paths already shown beside their inputs, so they are not listed twice. */
  shownPaths?: readonly string[];
  title?: string;
};

/** An error for people: the server's own message (Japanese), and any validation details left over. */
export function ErrorAlert({ error, shownPaths = [], title }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  const all = isApiError(error) ? error.fieldIssues : [];
  const issues = all.filter((issue) => !shownPaths.includes(issue.path));
  // Said already beside its field, in the same words: do not say it twice.
  const bare = (text: string) => text.replace(/[。.]$/, '');
  if (all.length > 0 && issues.length === 0 && all.some((issue) => bare(issue.message) === bare(message)))
    return null;
  return (
    <Alert color="red" title={title ?? t('errors.title')} role="alert" my="md">
      {message}
      {issues.length > 0 && (
        <List size="sm" mt="xs">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
