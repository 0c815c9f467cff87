// CSV export of a directory search in a 自治体標準オープンデータセット layout (export-layouts.ts):
// UTF-8 with BOM or Shift_JIS (CP932), CRLF, quoted where needed, header exactly as the layout names it.
// The search is read a page at a time and written as it comes, up to DIRECTORY_EXPORT_MAX_ROWS matches.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { dayInJapan } from '../../../shared/dates';
import {
  DIRECTORY_EXPORT_MAX_ROWS,
  type DirectoryExportEncoding,
  type DirectoryExportQuery,
  type DirectorySearchQuery,
  type ServicePointSummary,
} from '../../../shared/schemas/directory';
import type { DbOrTx } from '../../db/client';
import { servicePoints } from '../../db/schema';
import { exportLayouts } from './export-layouts';
import { type SearchContext, searchPages } from './search/search';
import type { ServicePointRow } from './service-points';

const BOM = '\uFEFF';

export function encodeCsv(text: string, encoding: DirectoryExportEncoding): Buffer {
  // Characters CP932 cannot hold (a few rare kanji) become 「?」; UTF-8 keeps everything.
  return encoding === 'shift_jis' ? iconv.encode(text, 'CP932') : Buffer.from(text, 'utf8');
}

const csvLines = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n' });

/** A whole CSV file at once: CRLF lines, and the BOM Excel needs to read UTF-8. */
export function csvFile(rows: string[][], encoding: DirectoryExportEncoding): Buffer {
  return encodeCsv((encoding === 'utf-8' ? BOM : '') + csvLines(rows), encoding);
}

/** The stored rows of these points, in the order given. */
async function fullRows(db: DbOrTx, ids: string[]): Promise<ServicePointRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(servicePoints).where(inArray(servicePoints.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** 医療機関一覧 holds medical kinds only: a search of another group has nothing for it. */
function searchFor(query: DirectoryExportQuery): DirectorySearchQuery | null {
  const { layout: _layout, encoding: _encoding, cursor: _cursor, ...search } = query;
  if (query.layout !== 'medical') return search;
  if (search.group && search.group !== 'medical') return null;
  return { ...search, group: 'medical' };
}

async function* emptyPages(): AsyncGenerator<ServicePointSummary[]> {}

/**
 * Starts an export: the first page of the search is read before anything is sent, so a search the
 * server refuses (a one-character word …) answers 400 rather than a broken file.
 */
export async function startCsvExport(query: DirectoryExportQuery, context: SearchContext): Promise<Readable> {
  const { db } = context;
  const layout = exportLayouts[query.layout];
  const search = searchFor(query);
  const pages = search ? searchPages(context, search, DIRECTORY_EXPORT_MAX_ROWS) : emptyPages();
  const first = await pages.next();
  let no = 0;
  const encodePage = async (page: ServicePointSummary[]) => {
    const ids = page.filter((point) => layout.accepts(point.serviceCode)).map((point) => point.id);
    const rows = (await fullRows(db, ids)).map((point) => layout.row(point, ++no));
    return encodeCsv(csvLines(rows), query.encoding);
  };
  async function* chunks(): AsyncGenerator<Buffer> {
    const bom = query.encoding === 'utf-8' ? BOM : '';
    yield encodeCsv(bom + csvLines([[...layout.header]]), query.encoding);
    if (first.done) return;
    yield await encodePage(first.value);
    for await (const page of pages) yield await encodePage(page);
  }
  return Readable.from(chunks());
}

/** `462012_医療機関一覧_20261125.csv`, with an ASCII name for clients that cannot read RFC 5987. */
export function exportFileName(
  municipalityCode: string,
  layout: DirectoryExportQuery['layout'],
  now = new Date(),
): { japanese: string; ascii: string } {
  const day = dayInJapan(now).replaceAll('-', '');
  const code = /^\d{6}$/.test(municipalityCode) ? `${municipalityCode}_` : '';
  const ascii = layout === 'medical' ? 'medical_institutions' : 'care_service_offices';
  return {
    japanese: `${code}${exportLayouts[layout].title}_${day}.csv`,
    ascii: `${code}${ascii}_${day}.csv`,
  };
}

export function contentDisposition(name: { japanese: string; ascii: string }): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.japanese)}`;
}
