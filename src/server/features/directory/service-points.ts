// Writing service points: every insert and update goes through here, so the search columns
// (sort key, normalised texts, tokens) can never disagree with the fields they are made from.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { servicePoints } from '../../db/schema';
import { searchColumns } from './search/search-columns';

export type ServicePointRow = typeof servicePoints.$inferSelect;
export type ServicePointInsert = typeof servicePoints.$inferInsert;
/** The columns `withSearchColumns` derives: bulk writers list them with the fields they write. */
export const searchColumnFields = ['sortKey', 'nameText', 'addressText'] as const;

/** Everything but what the database or the search derives. */
export type ServicePointFields = Omit<
  ServicePointInsert,
  'id' | 'sortKey' | 'nameText' | 'addressText' | 'version' | 'createdAt' | 'updatedAt'
>;

export function withSearchColumns<T extends ServicePointFields>(fields: T) {
  return {
    ...fields,
    ...searchColumns({
      name: fields.name,
      kana: fields.kana ?? '',
      serviceCode: fields.serviceCode,
      serviceName: fields.serviceName ?? null,
      address: fields.address ?? '',
      building: fields.building ?? null,
    }),
  };
}

export async function insertServicePoint(db: DbOrTx, fields: ServicePointFields): Promise<ServicePointRow> {
  const [row] = await db.insert(servicePoints).values(withSearchColumns(fields)).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Applies changes to a point already read (`current`), bumping its version; the caller checks versions. */
export async function updateServicePoint(
  db: DbOrTx,
  current: ServicePointRow,
  changes: Partial<ServicePointFields>,
): Promise<ServicePointRow> {
  const next = withSearchColumns({ ...current, ...changes });
  const { id: _id, createdAt: _created, version: _version, ...values } = next as ServicePointRow;
  const [row] = await db
    .update(servicePoints)
    .set({ ...values, version: current.version + 1, updatedAt: new Date() })
    .where(eq(servicePoints.id, current.id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}
