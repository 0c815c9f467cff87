// `/patients/:patientId` — a patient's record as the care team reads it, and the consents to share it.
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ageOn } from '../../../shared/dates';
import {
  careLevels,
  dementiaIndependenceLevels,
  keyPersonRelations,
  physicalIndependenceLevels,
  sexes,
} from '../../../shared/patients';
import type { PatientDetail } from '../../../shared/schemas/patients';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FactList } from '../../ui/FactList';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import { EmergencySummarySection } from '../emergency/EmergencySummarySection';
import { PatientTeamsSection } from '../teams/PatientTeamsSection';
import { ConsentSection } from './ConsentSection';
import { usePatient } from './use-patient';
import './i18n';

function Record({ patient }: { patient: PatientDetail }) {
  const { t } = useTranslation('patients');
  const label = useLabel();
  const none = t('detail.none');
  const or = (value: string | null | undefined) => (value ? value : none);
  const coded = (list: Parameters<typeof label>[0], code: string | null) => (code ? label(list, code) : none);
  const office = (p: PatientDetail['primaryPhysician']) => {
    const parts: ReactNode[] = [];
    if (p.servicePointId && p.servicePointName)
      parts.push(
        <Anchor key="point" component={Link} to={`/directory/points/${p.servicePointId}`}>
          {p.servicePointName}
        </Anchor>,
      );
    if (p.name) parts.push(<span key="name">{parts.length ? ` ${p.name}` : p.name}</span>);
    return parts.length ? parts : none;
  };

  return (
    <Stack gap="lg">
      <Section id="basics-heading" title={t('form.basics')}>
        <FactList
          items={[
            [t('form.kana'), patient.kana],
            [
              t('form.birthDate'),
              <>
                <DateText value={patient.birthDate} both />（
                {t('list.age', { age: ageOn(patient.birthDate) })}）
              </>,
            ],
            [t('form.sex'), label(sexes, patient.sex)],
            [t('form.address'), or(patient.address)],
            [t('form.area'), or(patient.areaName)],
            [t('form.phone'), or(patient.phone)],
            [t('form.livesAlone'), patient.livesAlone ? t('detail.yes') : t('detail.no')],
          ]}
        />
      </Section>
      <Section id="insurance-heading" title={t('form.insurance')}>
        <FactList
          items={[
            [t('form.insuredNumber'), or(patient.insuredNumber)],
            [t('form.careLevel'), coded(careLevels, patient.careLevel)],
            [t('form.physicalIndependence'), coded(physicalIndependenceLevels, patient.physicalIndependence)],
            [t('form.dementiaIndependence'), coded(dementiaIndependenceLevels, patient.dementiaIndependence)],
          ]}
        />
      </Section>
      <Section id="keypersons-heading" title={t('form.keyPersons')}>
        {patient.keyPersons.length === 0 ? (
          <Text>{none}</Text>
        ) : (
          <ScrollTable label={t('form.keyPersons')} minWidth={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('form.keyPersonName')}</Table.Th>
                <Table.Th>{t('form.relation')}</Table.Th>
                <Table.Th>{t('form.keyPersonPhone')}</Table.Th>
                <Table.Th>{t('form.keyPersonNotes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {patient.keyPersons.map((person) => (
                <Table.Tr key={`${person.name}-${person.relation}-${person.phone ?? ''}`}>
                  <Table.Td>{person.name}</Table.Td>
                  <Table.Td>{label(keyPersonRelations, person.relation)}</Table.Td>
                  <Table.Td>
                    {person.phone ? <Anchor href={`tel:${person.phone}`}>{person.phone}</Anchor> : '—'}
                  </Table.Td>
                  <Table.Td>{person.notes ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Section>
      <Section id="professionals-heading" title={t('form.professionals')}>
        <FactList
          items={[
            [t('detail.physician'), office(patient.primaryPhysician)],
            [t('detail.careManager'), office(patient.careManager)],
          ]}
        />
      </Section>
      <Section id="medical-heading" title={t('form.medical')}>
        <FactList
          items={[
            [
              t('form.medicalHistory'),
              <span key="history" className="pre-line">
                {or(patient.medicalHistory)}
              </span>,
            ],
            [
              t('form.medication'),
              <span key="medication" className="pre-line">
                {or(patient.medication)}
              </span>,
            ],
            [t('form.allergies'), or(patient.allergies)],
          ]}
        />
      </Section>
    </Stack>
  );
}

export default function PatientPage() {
  const { t } = useTranslation('patients');
  const { patientId = '' } = useParams();
  const location = useLocation();
  const format = useDateFormatter();
  const patient = usePatient(patientId);
  if (patient.isPending) return <Loading />;
  if (!patient.data) return <ErrorAlert error={patient.error} />;
  const { data } = patient;
  const justSaved = (location.state as { saved?: boolean } | null)?.saved;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/patients" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <Card withBorder padding="lg">
        <PageTitle title={data.name} />
        <Text>{t('detail.recordedBy', { organisation: data.organisationName })}</Text>
        <Text size="sm" c="dimmed">
          {t('detail.updated', { date: format.dateTime(data.updatedAt) })}
        </Text>
        <Group mt="sm">
          <Button component={Link} to={`/patients/${data.id}/edit`} variant="light">
            {t('detail.edit')}
          </Button>
        </Group>
      </Card>
      <NoticeAlert message={justSaved ? t('detail.saved') : null} />
      <PatientTeamsSection patient={data} />
      <EmergencySummarySection patientId={data.id} />
      <Record patient={data} />
      <ConsentSection patient={data} />
    </Stack>
  );
}
