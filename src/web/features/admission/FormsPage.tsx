// `/admission/forms` — the forms of admission and discharge support and their versions. The city (or
// the center) revises a form without a code change: the whole definition as JSON, written from the
// latest version; the server checks it (keys, types, choices, prefill sources) and a filled form
// keeps the version it was filled with.
import { Alert, Badge, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldsOf } from '../../../shared/forms/definition';
import type { FormsOverview } from '../../../shared/schemas/admission-documents';
import { api, isApiError } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { Section } from '../../ui/Section';

const formsKey = ['admission', 'forms'] as const;
type Form = FormsOverview['forms'][number];

export default function FormsPage() {
  const { t } = useTranslation();
  const forms = useQuery({
    queryKey: formsKey,
    queryFn: () => api.get<FormsOverview>('/api/admission/forms'),
  });
  return (
    <Stack gap="xl">
      <PageTitle title={t('admission.forms.title')} />
      <Text>{t('admission.forms.intro')}</Text>
      {forms.isPending && <Loading />}
      <ErrorAlert error={forms.error} />
      {forms.data?.forms.map((form) => (
        <FormSection key={form.formId} form={form} mayEdit={forms.data.mayEdit} />
      ))}
    </Stack>
  );
}

function FormSection({ form, mayEdit }: { form: Form; mayEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id={`form-${form.formId}`} title={form.title}>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge size="lg" variant="light">
            {t('admission.forms.latest', { version: form.latest.version })}
          </Badge>
          <Text size="sm">
            {t('admission.forms.counts', {
              sections: form.latest.sections.length,
              fields: fieldsOf(form.latest).length,
            })}
          </Text>
        </Group>
        <List size="sm">
          {form.versions.map((version) => (
            <List.Item key={version.version}>
              {t('admission.forms.version', { version: version.version })}{' '}
              {version.createdAt ? (
                <>
                  <DateText value={version.createdAt} time /> {version.createdBy}
                </>
              ) : (
                t('admission.forms.builtIn')
              )}
            </List.Item>
          ))}
        </List>
        {mayEdit && <VersionEditor form={form} />}
      </Stack>
    </Section>
  );
}

/** The latest definition as JSON to change and send as the next version. */
function VersionEditor({ form }: { form: Form }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { id: _id, version: _version, ...editable } = form.latest;
  const [text, setText] = useState(() => JSON.stringify(editable, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (definition: unknown) =>
      api.post<FormsOverview>(`/api/admission/forms/${form.formId}/versions`, {
        definition,
        basedOn: form.latest.version,
      }),
    onSuccess: (overview) => {
      client.setQueryData(formsKey, overview);
      setNotice(t('admission.forms.saved', { version: form.latest.version + 1 }));
    },
  });
  const submit = () => {
    setNotice(null);
    try {
      const definition: unknown = JSON.parse(text);
      setParseError(null);
      add.mutate(definition);
    } catch {
      setParseError(t('admission.forms.notJson'));
    }
  };
  const issues = isApiError(add.error) ? add.error.fieldIssues : [];
  return (
    <Stack gap="xs">
      <Textarea
        label={t('admission.forms.editLabel', { version: form.latest.version + 1 })}
        description={t('admission.forms.editHint')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={24}
        styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
        error={parseError}
      />
      <ErrorAlert error={add.error} />
      {issues.length > 1 && (
        <Alert color="red">
          <List size="sm">
            {issues.map((issue) => (
              <List.Item key={`${issue.path}-${issue.message}`}>
                {issue.path}: {issue.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <NoticeAlert message={notice} onClose={() => setNotice(null)} />
      <Group>
        <Button onClick={submit} loading={add.isPending}>
          {t('admission.forms.submit', { version: form.latest.version + 1 })}
        </Button>
      </Group>
    </Stack>
  );
}
