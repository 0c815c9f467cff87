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

/** A kind's label and reading, normalised once per kind rather than once per row. */
const kindTexts = new Map<string, string[]>();

function kindText(serviceCode: string, serviceName: string | null): string[] {
  const key = `${serviceCode}\u0000${serviceName ?? ''}`;
  let texts = kindTexts.get(key);
  if (!texts) {
    const kind = serviceKindOf(serviceCode, serviceName);
    texts = [kind.ja, kind.reading].map(normalizeForSearch);
    kindTexts.set(key, texts);
  }
  return texts;
}

/** Parts are joined by a space: a normalised term has none, so no match spans two parts. */
const joinParts = (parts: string[]) => parts.filter((part) => part.length > 0).join(' ');

export function searchColumns(point: IndexedFields): SearchColumns {
  const name = normalizeForSearch(point.name);
  const kana = normalizeForSearch(point.kana);
  return {
    // The name, its reading and its kind (「ほうもんかんご」 finds every 訪問看護, whatever its name).
    nameText: joinParts([name, kana, ...kindText(point.serviceCode, point.serviceName)]),
    addressText: joinParts([normalizeForSearch(point.address), normalizeForSearch(point.building ?? '')]),
    sortKey: `${kana || name} ${name}`,
  };
}
