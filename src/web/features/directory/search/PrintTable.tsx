import { useTranslation } from 'react-i18next';
import type { ServicePointSummary } from '../../../../shared/schemas/directory';
import { useKindLabel } from '../parts/kind-label';
import { VacancyText } from '../parts/VacancyText';

type Props = { items: ServicePointSummary[]; more: boolean };

/** The results as a compact table, printed instead of the cards (hidden on screen). */
export function PrintTable({ items, more }: Props) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  if (items.length === 0) return null;
  return (
    <div className="print-only">
      <table className="dir-print-table">
        <thead>
          <tr>
            <th scope="col">{t('directory.print.name')}</th>
            <th scope="col">{t('directory.print.kind')}</th>
            <th scope="col">{t('directory.results.address')}</th>
            <th scope="col">{t('directory.results.phone')}</th>
            <th scope="col">{t('directory.results.fax')}</th>
            <th scope="col">{t('directory.results.vacancy')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((point) => (
            <tr key={point.id}>
              <th scope="row">{point.name}</th>
              <td>{kindLabel(point.serviceCode, point.serviceName)}</td>
              <td>{[point.address, point.building].filter(Boolean).join(' ')}</td>
              <td className="nowrap">{point.phone}</td>
              <td className="nowrap">{point.fax}</td>
              <td>
                <VacancyText vacancy={point.vacancy} updatedAt={point.vacancyUpdatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && <p className="dir-print-note">{t('directory.print.partial', { count: items.length })}</p>}
    </div>
  );
}
