// `/patients` — the patients the user's organisations record: search by name, reading and birth date
// (kept in the URL), and the way to register a new one.
import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { careLevels } from '../../../shared/patients';
import type { patientList } from '../../../shared/schemas/patients';
import { api, withQuery } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import './i18n';
import { ageOn } from '../../../shared/dates';

type PatientList = z.infer<typeof patientList>;

export default function PatientsPage() {
  const { t } = useTranslation('patients');
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const birthDate = params.get('birthDate') ?? '';
  const [text, setText] = useState(q);
  const [birth, setBirth] = useState(birthDate);
  const list = useQuery({
    queryKey: ['patients', { q, birthDate }],
    queryFn: () => api.get<PatientList>(withQuery('/api/patients', { q, birthDate })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(
      Object.fromEntries(Object.entries({ q: text.trim(), birthDate: birth.trim() }).filter(([, v]) => v)),
    );
  };

  return (
    <Stack gap="lg">
      <div>
        <PageTitle title={t('list.title')} />
        <Text>{t('list.lead')}</Text>
      </div>
      <Group>
        <Button component={Link} to="/patients/new">
          {t('list.new')}
        </Button>
      </Group>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput label={t('list.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <TextInput
            label={t('list.birthDate')}
            value={birth}
            inputMode="numeric"
            onChange={(e) => setBirth(e.currentTarget.value)}
          />
          <Button type="submit" variant="light">
            {t('list.submit')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.items.length === 0 ? (
        <Text>{t('list.none')}</Text>
      ) : (
        <ScrollTable label={t('list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.name')}</Table.Th>
              <Table.Th>{t('list.birth')}</Table.Th>
              <Table.Th>{t('list.careLevel')}</Table.Th>
              <Table.Th>{t('list.organisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((patient) => (
              <Table.Tr key={patient.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${patient.id}`}>
                    {patient.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {patient.kana}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateText value={patient.birthDate} /> （{t('list.age', { age: ageOn(patient.birthDate) })}
                  ）
                </Table.Td>
                <Table.Td>{patient.careLevel ? label(careLevels, patient.careLevel) : '—'}</Table.Td>
                <Table.Td>{patient.organisationName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {list.data?.more && <Alert color="yellow">{t('list.more')}</Alert>}
    </Stack>
  );
}
