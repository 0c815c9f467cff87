// What an imported row would change in a point already in the directory: only the fields the file
// carries, never what the organisation maintains (fields.ts), and nothing at all when the values are
// the same, so a second import of the same file writes nothing.
import type { ServicePointRow } from '../service-points';
import { type ImportedFieldName, type ImportedFields, maintainedContactFields } from './fields';

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => item === b[i]);
  return (a ?? null) === (b ?? null);
}

/** The changed fields, with their values before and after. */
export type Changes = { after: ImportedFields; before: ImportedFields };

export function changesOf(current: ServicePointRow, incoming: ImportedFields): Changes | null {
  const protectedFields = current.maintainedAt ? new Set(maintainedContactFields) : null;
  const after: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(incoming) as [ImportedFieldName, unknown][]) {
    if (value === undefined || protectedFields?.has(name)) continue;
    if (same(current[name], value)) continue;
    after[name] = value;
    before[name] = current[name];
  }
  return Object.keys(after).length > 0 ? { after, before } : null;
}
