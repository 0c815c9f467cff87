// A large load outgrows what PostgreSQL's planner believes about the table: with the statistics of
// an empty table it looks up each batch's official codes by scanning every row of the scheme, so
// each batch costs as much as the table is large (a 500,000-row import took three times as long).
// ANALYZE runs inside the import's transaction (it sees its own rows) each time the rows written
// outnumber those the planner knows of, so the lookups stay index probes: a few runs per load.
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../db/client';

/** Below this, any plan is fast enough. */
const MIN_ROWS = 10_000;

export class PlannerStatistics {
  private believed: number | null = null;
  private written = 0;

  constructor(private readonly db: DbOrTx) {}

  private async readBelief(): Promise<number> {
    const [row] = await queryRows<{ rows: number | string }>(
      this.db,
      sql`SELECT reltuples AS rows FROM pg_class WHERE oid = 'service_points'::regclass`,
    );
    return Math.max(0, Number(row?.rows ?? 0));
  }

  /** After `rows` were inserted or updated. */
  async wrote(rows: number): Promise<void> {
    this.believed ??= await this.readBelief();
    this.written += rows;
    if (this.written < Math.max(MIN_ROWS, this.believed)) return;
    // A small sample of the columns the lookups filter on is all the planner needs here (the import
    // analyses the whole table once it has committed): a tenth of the cost of a full ANALYZE.
    await this.db.execute(sql`SET LOCAL default_statistics_target = 10`);
    await this.db.execute(sql`ANALYZE service_points (identity_scheme, official_code, service_code)`);
    this.believed = await this.readBelief();
    this.written = 0;
  }
}
