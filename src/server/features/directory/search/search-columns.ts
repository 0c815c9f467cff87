// The columns the search index is built from, derived from a service point's fields on every write
// (service-points.ts), so they can never disagree with what they are made from: the texts normalised
// once (NFKC, kana folded: shared/search-text.ts) and the 五十音 sort key.
import { serviceKindOf } from '../../../../shared/directory';
import { normalizeForSearch } from '../../../../shared/search-text';

export type IndexedFields = {
  name: string;
  kana: string;
  serviceCode: string;
  serviceName: string | null;
  address: string;
  building: string | null;
};

export type SearchColumns = { sortKey: string; nameText: string; addressText: string };

/** Parts are joined by a space: a normalised term has none, so no match spans two parts. */
const joinParts = (parts: (string | null | undefined)[]) =>
  parts
    .filter((part): part is string => Boolean(part))
    .map(normalizeForSearch)
    .filter((part) => part.length > 0)
    .join(' ');

export function searchColumns(point: IndexedFields): SearchColumns {
  const kind = serviceKindOf(point.serviceCode, point.serviceName);
  return {
    // The name, its reading and its kind (「ほうもんかんご」 finds every 訪問看護, whatever its name).
    nameText: joinParts([point.name, point.kana, kind.ja, kind.reading]),
    addressText: joinParts([point.address, point.building]),
    sortKey: `${normalizeForSearch(point.kana || point.name)} ${normalizeForSearch(point.name)}`,
  };
}
