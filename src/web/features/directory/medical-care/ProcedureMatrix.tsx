import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { procedures } from '../../../../shared/directory-codes';
import type { ServicePointSummary } from '../../../../shared/schemas/directory';
import { useLabel } from '../../../ui/labels';
import { ScrollTable } from '../../../ui/ScrollTable';
import { useKindLabel } from '../parts/kind-label';
import { telHref } from '../parts/phone';
import { VacancyText } from '../parts/VacancyText';

type Props = { items: ServicePointSummary[]; from: string };

/** Facilities × procedures: ○ where a procedure is accepted, then vacancy (with its date) and phone. */
export function ProcedureMatrix({ items, from }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const kindLabel = useKindLabel();
  return (
    <ScrollTable label={t('directory.medicalCare.resultsHeading')} minWidth={1100} className="dir-matrix">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('directory.medicalCare.facility')}</Table.Th>
          {procedures.map((procedure) => (
            <Table.Th scope="col" key={procedure.code}>
              <span className="dir-vertical">{label(procedures, procedure.code)}</span>
            </Table.Th>
          ))}
          <Table.Th scope="col">{t('directory.results.vacancy')}</Table.Th>
          <Table.Th scope="col">{t('directory.results.phone')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((point) => (
          <Table.Tr key={point.id}>
            <Table.Th scope="row">
              <Anchor component={Link} to={`/directory/points/${point.id}`} state={{ from }} fw={700}>
                {point.name}
              </Anchor>
              <Text size="sm">{kindLabel(point.serviceCode, point.serviceName)}</Text>
            </Table.Th>
            {procedures.map((procedure) => (
              <Table.Td key={procedure.code} className="dir-mark">
                {point.procedures.includes(procedure.code) ? (
                  <>
                    <span aria-hidden="true">○</span>
                    <span className="visually-hidden">{t('directory.medicalCare.accepted')}</span>
                  </>
                ) : (
                  <span className="visually-hidden">{t('directory.medicalCare.notAccepted')}</span>
                )}
              </Table.Td>
            ))}
            <Table.Td className="dir-vacancy-cell">
              <VacancyText vacancy={point.vacancy} updatedAt={point.vacancyUpdatedAt} />
            </Table.Td>
            <Table.Td className="nowrap">
              {point.phone && <a href={telHref(point.phone)}>{point.phone}</a>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
