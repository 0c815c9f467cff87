// Points a newer file no longer lists: within what the file covers (its identity scheme, its service
// codes and its municipality codes), every listed point the file did not name is marked withdrawn
// (廃止・休止), with a version row. The point stays, so links and history keep working; a later file
// that lists it again clears the mark (point-writer.ts).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { servicePoints, servicePointVersions } from '../../../db/schema';
import { withSearchColumns } from '../service-points';
import { insertRows } from './bulk-sql';
import type { Identity, IdentityScheme } from './fields';
import {
  pointInsertFields,
  pointUpsertTail,
  type RunContext,
  versionFields,
  versionRow,
} from './point-writer';

/**
 * What a file covers: the scheme, the service and municipality codes of its rows, and the length of
 * its official codes — a 医療情報ネット file (13-digit IDs) says nothing about points known by their
 * 10-digit 医療機関コード, and the other way round.
 */
export class Coverage {
  readonly serviceCodes = new Set<string>();
  readonly municipalityCodes = new Set<string>();
  readonly codeLengths = new Set<number>();

  constructor(readonly scheme: IdentityScheme) {}

  add(identity: Identity, municipalityCode: string | null | undefined): void {
    this.serviceCodes.add(identity.serviceCode);
    this.codeLengths.add(identity.officialCode.length);
    if (municipalityCode) this.municipalityCodes.add(municipalityCode);
  }
}

const CHUNK = 1000;

export async function withdrawAbsent(
  db: DbOrTx,
  coverage: Coverage,
  seenIds: ReadonlySet<string>,
  run: RunContext,
): Promise<number> {
  if (coverage.serviceCodes.size === 0 || coverage.municipalityCodes.size === 0) return 0;
  const listed = await db
    .select({ id: servicePoints.id })
    .from(servicePoints)
    .where(
      and(
        eq(servicePoints.identityScheme, coverage.scheme),
        inArray(servicePoints.serviceCode, [...coverage.serviceCodes]),
        inArray(servicePoints.municipalityCode, [...coverage.municipalityCodes]),
        inArray(sql<number>`length(${servicePoints.officialCode})`, [...coverage.codeLengths]),
        isNull(servicePoints.withdrawnAt),
      ),
    );
  const absent = listed.map((row) => row.id).filter((id) => !seenIds.has(id));
  for (let i = 0; i < absent.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(servicePoints)
      .where(inArray(servicePoints.id, absent.slice(i, i + CHUNK)))
      .for('update');
    const upserts = rows.map((row) => withSearchColumns({ ...row, withdrawnAt: run.now }));
    const versions = rows.map((row) => versionRow(row, run, { withdrawnAt: null }, { withdrawnAt: run.now }));
    await insertRows(db, servicePoints, pointInsertFields, upserts, pointUpsertTail);
    await insertRows(db, servicePointVersions, versionFields, versions);
  }
  return absent.length;
}
