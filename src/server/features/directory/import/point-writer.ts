// Writes one batch of imported points: reads the points already there by official identity (locked
// for the transaction), leaves unchanged ones untouched, and sends new and changed ones in one
// INSERT … ON CONFLICT DO UPDATE, with a version row (before/after of the changed fields) per change.
// Every row goes through `withSearchColumns`, so the search columns always match the fields.
import { randomFillSync } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as timeOrderedId } from 'uuid';
import type { DbOrTx } from '../../../db/client';
import { servicePoints, servicePointVersions } from '../../../db/schema';
import { type ServicePointRow, searchColumnFields, withSearchColumns } from '../service-points';
import { arrayLiteral, excludedAssignments, insertRows } from './bulk-sql';
import { changesOf } from './diff';
import {
  type IdentityScheme,
  identityKey,
  importedFieldNames,
  type MappedPoint,
  newPointDefaults,
} from './fields';
import { PlannerStatistics } from './planner-statistics';

const writtenFields = [...importedFieldNames, ...searchColumnFields, 'importedAt', 'withdrawnAt'] as const;
export const pointInsertFields = [
  'id',
  'identityScheme',
  'officialCode',
  'serviceCode',
  ...writtenFields,
] as const;
export const versionFields = [
  'servicePointId',
  'version',
  'source',
  'changedBy',
  'importRunId',
  'before',
  'after',
] as const;

/** New points are inserted; points already there (read and locked first) get the fields written. */
export const pointUpsertTail = sql`ON CONFLICT (identity_scheme, official_code, service_code) DO UPDATE SET ${excludedAssignments(
  servicePoints,
  writtenFields,
)}, version = service_points.version + 1, updated_at = now()`;

/** Random bytes for ids, drawn 16 KB at a time rather than 16 bytes per id. */
const randomPool = new Uint8Array(16 * 1024);
let randomUsed = randomPool.length;

/** Time-ordered (uuid v7): a load of new points appends to the primary key's index instead of scattering. */
function newPointId(): string {
  if (randomUsed === randomPool.length) {
    randomFillSync(randomPool);
    randomUsed = 0;
  }
  const random = randomPool.subarray(randomUsed, randomUsed + 16);
  randomUsed += 16;
  return timeOrderedId({ random });
}

export type WriteCounts = { added: number; updated: number; unchanged: number };
export type RunContext = { runId: string; startedBy: string | null; now: Date };

type Row = Record<string, unknown>;

export class PointWriter {
  readonly counts: WriteCounts = { added: 0, updated: 0, unchanged: 0 };
  /** Every point the file named (for the withdrawal of those it did not). */
  readonly seenIds = new Set<string>();
  private readonly statistics: PlannerStatistics;

  constructor(
    private readonly db: DbOrTx,
    private readonly scheme: IdentityScheme,
    private readonly run: RunContext,
    /** Only update points already there (speciality_hours); the others are handed back. */
    private readonly updateOnly = false,
  ) {
    this.statistics = new PlannerStatistics(db);
  }

  /**
   * Writes the batch; returns the points that could not be written (update-only and not found).
   * `apply` false: a run already failing only looks for more problems (points not found).
   */
  async write(points: readonly MappedPoint[], apply = true): Promise<MappedPoint[]> {
    if (!apply && !this.updateOnly) return [];
    const existing = await this.lookup(points);
    const byKey = new Map(existing.map((row) => [identityKey(rowIdentity(row)), row]));
    const byCode = new Map<string, ServicePointRow[]>();
    for (const row of existing) byCode.set(row.officialCode, [...(byCode.get(row.officialCode) ?? []), row]);
    const upserts: Row[] = [];
    const versions: Row[] = [];
    const missing: MappedPoint[] = [];
    for (const point of points) {
      const found = byKey.get(identityKey(point.identity));
      const targets = point.anyKind ? (byCode.get(point.identity.officialCode) ?? []) : found ? [found] : [];
      if (targets.length === 0 && this.updateOnly) missing.push(point);
      else if (targets.length === 0) upserts.push(this.added(point));
      for (const current of targets) this.compare(current, point, upserts, versions);
    }
    if (apply) {
      await insertRows(this.db, servicePoints, pointInsertFields, upserts, pointUpsertTail);
      await insertRows(this.db, servicePointVersions, versionFields, versions);
      await this.statistics.wrote(upserts.length);
    }
    return missing;
  }

  private async lookup(points: readonly MappedPoint[]): Promise<ServicePointRow[]> {
    const codes = [...new Set(points.map((point) => point.identity.officialCode))];
    if (codes.length === 0) return [];
    return this.db
      .select()
      .from(servicePoints)
      .where(
        and(
          eq(servicePoints.identityScheme, this.scheme),
          // One array parameter rather than a thousand: the statement is the same for every batch.
          sql`${servicePoints.officialCode} = ANY(${arrayLiteral(codes)}::text[])`,
        ),
      )
      .for('update');
  }

  private added(point: MappedPoint): Row {
    const id = newPointId();
    this.seenIds.add(id);
    this.counts.added++;
    return {
      id,
      ...withSearchColumns({
        ...newPointDefaults,
        ...point.fields,
        identityScheme: point.identity.scheme,
        officialCode: point.identity.officialCode,
        serviceCode: point.identity.serviceCode,
        importedAt: this.run.now,
        withdrawnAt: null,
      }),
    };
  }

  private compare(current: ServicePointRow, point: MappedPoint, upserts: Row[], versions: Row[]): void {
    this.seenIds.add(current.id);
    const changes = changesOf(current, point.fields);
    // A point the official file lists again is no longer withdrawn (not for hours-only files).
    const reappears = !this.updateOnly && current.withdrawnAt !== null;
    if (!changes && !reappears) {
      this.counts.unchanged++;
      return;
    }
    const after: Row = { ...changes?.after, ...(reappears ? { withdrawnAt: null } : {}) };
    const before: Row = { ...changes?.before, ...(reappears ? { withdrawnAt: current.withdrawnAt } : {}) };
    upserts.push(withSearchColumns({ ...current, ...after, importedAt: this.run.now }));
    versions.push(this.version(current, before, after));
    this.counts.updated++;
  }

  private version(current: ServicePointRow, before: Row, after: Row): Row {
    return versionRow(current, this.run, before, after);
  }
}

export function versionRow(current: ServicePointRow, run: RunContext, before: Row, after: Row): Row {
  return {
    servicePointId: current.id,
    version: current.version + 1,
    source: 'import',
    changedBy: run.startedBy,
    importRunId: run.runId,
    before,
    after,
  };
}

const rowIdentity = (row: ServicePointRow) => ({
  scheme: row.identityScheme as IdentityScheme,
  officialCode: row.officialCode,
  serviceCode: row.serviceCode,
});
