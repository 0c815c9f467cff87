// One data row, read by column name. Headers are compared NFKC-normalised without spaces, so
// 「全国地方公共団体ｺｰﾄﾞ」 (half-width katakana) and 「方書（ビル名等）」 / 「方書(ビル名等)」 match.
import type { RepairCode } from './repairs';

const headerCache = new Map<string, string>();

export function normalizeHeader(name: string): string {
  let normal = headerCache.get(name);
  if (normal === undefined) {
    normal = name
      .replace(/^\uFEFF/, '')
      .normalize('NFKC')
      .replace(/\s+/g, '');
    headerCache.set(name, normal);
  }
  return normal;
}

export type ColumnIndex = ReadonlyMap<string, number>;

export function columnIndex(header: readonly string[]): ColumnIndex {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const normal = normalizeHeader(name);
    if (!index.has(normal)) index.set(normal, i);
  });
  return index;
}

// 「-」 in its many widths, and 「0」: written in files where there is nothing to say.
const PLACEHOLDERS = new Set(['-', '－', '‐', '―', '—', '−', 'ー', '0', '０']);

export class Row {
  readonly repairs: RepairCode[] = [];

  constructor(
    private readonly record: readonly string[],
    private readonly columns: ColumnIndex,
    readonly line: number,
  ) {}

  has(column: string): boolean {
    return this.columns.has(normalizeHeader(column));
  }

  /** The cell as written, trimmed; '' when the file has no such column. */
  raw(column: string): string {
    const i = this.columns.get(normalizeHeader(column));
    return i === undefined ? '' : (this.record[i] ?? '').trim();
  }

  /** The first of the columns that holds text; placeholders count as empty (and are reported). */
  text(...columns: string[]): string | null {
    for (const column of columns) {
      const value = this.raw(column);
      if (value === '') continue;
      if (PLACEHOLDERS.has(value)) {
        this.repair('placeholder_blank');
        continue;
      }
      return value;
    }
    return null;
  }

  repair(code: RepairCode): void {
    this.repairs.push(code);
  }

  /** The record as CSV text again, for the rejected-rows report. */
  rawText(): string {
    return this.record
      .map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field))
      .join(',');
  }
}

/** Half-width digits and letters, no spaces: the form codes are compared in. */
export const codeText = (text: string): string => text.normalize('NFKC').replace(/[\s\-‐－ー−,]/g, '');

/** A number written with full-width digits or thousands separators; NaN when it is none. */
export function numberOf(text: string): number {
  const normal = text.normalize('NFKC').replace(/[,\s]/g, '');
  return /^[-+]?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A whole number ≥ 0, or null (empty, unreadable: `unreadable` is reported then). */
export function countOf(row: Row, column: string, unreadable: RepairCode): number | null {
  const value = row.raw(column);
  if (value === '' || PLACEHOLDERS.has(value)) return null;
  const n = numberOf(value);
  if (!Number.isInteger(n) || n < 0) {
    row.repair(unreadable);
    return null;
  }
  return n;
}
