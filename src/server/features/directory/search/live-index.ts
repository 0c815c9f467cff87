// The directory's search index, kept in this process's memory and kept current from the database,
// which stays the only source of truth (any number of processes each keep their own index).
//
// - Built on first use (and in the background at start) by reading every entry; sorted here.
// - Changes: a trigger stamps every written row with its transaction id (migration 0006). A sync
//   reads the rows stamped at or after the oldest transaction that was still running at the last
//   sync, so no commit is missed however transactions interleave; they are laid over the snapshot.
// - A sync runs before a search when this process or another worker of the same server has written
//   (read-your-writes: `changed()`, told to the other workers through platform/workers.ts), or
//   when the last one is older than `syncEveryMs` (writes of other processes show within that).
// - Many changes at once (an import) or a large overlay: the snapshot is rebuilt in the background
//   while searches go on with the current one; a search after this process's own write waits for it.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../db/client';
import { type IndexRow, indexColumns, toIndexEntry } from './index-entry';
import type { IndexView } from './run-query';
import { SnapshotBuilder } from './snapshot';

export type IndexOptions = {
  /** A search reads the changes first when the last read is older than this (0: always). */
  syncEveryMs: number;
  /** More changed rows than this since the snapshot: build a new one instead. */
  maxChanges: number;
  /** Rows read per statement while building. */
  pageRows: number;
  onError: (error: unknown) => void;
  /** Tells the other workers of this server about a write here, so their next search reads it too. */
  tellOthers?: () => void;
};

// Pages of 5,000 rows: on PGlite a read runs on the server's own thread, so it is kept short.
const defaults: IndexOptions = { syncEveryMs: 1000, maxChanges: 5000, pageRows: 5000, onError: () => {} };

export class DirectoryIndex {
  private readonly options: IndexOptions;
  private view: IndexView | null = null;
  /** Transactions from this id on may have written rows the view has not seen (xid8, as text). */
  private watermark = '0';
  private building: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private lastSync = 0;
  /** Writes this process has committed, and how many of them the view is known to hold. */
  private writes = 0;
  private viewWrites = 0;

  constructor(
    private readonly db: Database,
    options: Partial<IndexOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
  }

  /** A write to service points has committed in this process: the next search reads it first. */
  changed(): void {
    this.writes++;
    this.options.tellOthers?.();
  }

  /** Another worker of this server has written (platform/workers.ts): the same, told by it. */
  changedByOther(): void {
    this.writes++;
  }

  /** Whether a snapshot has been built (searches before that wait for it). */
  get ready(): boolean {
    return this.view !== null;
  }

  /** Starts building without waiting for it (server start). */
  warm(): void {
    if (!this.view) this.build().catch(this.options.onError);
  }

  async current(): Promise<IndexView> {
    if (!this.view) await this.build();
    const needed = this.writes;
    let stale = Date.now() - this.lastSync >= this.options.syncEveryMs;
    for (;;) {
      const behind = this.viewWrites < needed;
      if (!behind && !stale) break;
      if (this.building) {
        if (!behind) break; // others' changes: the new snapshot comes when it comes
        await this.building;
        continue;
      }
      if (!this.syncing) this.syncing = this.sync().finally(() => (this.syncing = null));
      await this.syncing;
      stale = false;
    }
    return this.view as IndexView;
  }

  private build(): Promise<void> {
    if (!this.building) this.building = this.load().finally(() => (this.building = null));
    return this.building;
  }

  private async oldestRunning(): Promise<string> {
    const [row] = await queryRows<{ xmin: string }>(
      this.db,
      sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
    );
    return row?.xmin ?? '0';
  }

  /** Every entry, a page at a time in id order (no long transaction: what changes meanwhile is re-read). */
  private async load(): Promise<void> {
    const writes = this.writes;
    const watermark = await this.oldestRunning();
    const builder = new SnapshotBuilder();
    let after: string | null = null;
    for (;;) {
      const rows: IndexRow[] = await queryRows<IndexRow>(
        this.db,
        sql`SELECT ${indexColumns} FROM service_points
          WHERE withdrawn_at IS NULL ${after ? sql`AND id > ${after}::uuid` : sql``}
          ORDER BY id LIMIT ${this.options.pageRows}`,
      );
      for (const row of rows) builder.add(row);
      if (rows.length < this.options.pageRows) break;
      after = (rows[rows.length - 1] as IndexRow).id;
    }
    const snapshot = await builder.finish();
    this.view = { snapshot, replaced: new Uint8Array(snapshot.count), changes: new Map() };
    this.watermark = watermark;
    this.viewWrites = Math.max(this.viewWrites, writes);
    this.lastSync = 0; // what changed while reading is read by the next search
  }

  private async sync(): Promise<void> {
    const writes = this.writes;
    const watermark = await this.oldestRunning();
    const rows = await queryRows<IndexRow>(
      this.db,
      sql`SELECT ${indexColumns} FROM service_points WHERE changed_xid >= ${this.watermark}::xid8
        LIMIT ${this.options.maxChanges + 1}`,
    );
    this.lastSync = Date.now();
    const view = this.view as IndexView;
    if (rows.length + view.changes.size > this.options.maxChanges) {
      this.build().catch(this.options.onError);
      return;
    }
    for (const row of rows) {
      const n = view.snapshot.numberOf.get(row.id);
      if (n !== undefined) view.replaced[n] = 1;
      view.changes.set(row.id, row.withdrawn ? null : toIndexEntry(row));
    }
    this.watermark = watermark;
    this.viewWrites = Math.max(this.viewWrites, writes);
  }
}
