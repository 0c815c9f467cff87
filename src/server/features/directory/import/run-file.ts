// One file, read inside the run's data transaction: recognise the header, map each row (repairs are
// logged, refused rows spooled with their line), write the points in batches, then mark as withdrawn
// what the file no longer lists. In all-or-nothing mode the first refused row stops the writing (the
// transaction will roll back) while the rest of the file is still checked, so every problem is reported.
import type { ImportEncoding, ImportMode, ImportProgress } from '../../../../shared/schemas/directory-import';
import type { DbOrTx } from '../../../db/client';
import { csvRecords } from './csv-records';
import { identityKey, type MappedPoint } from './fields';
import { type FileContext, fileContext } from './file-context';
import { HeaderError, recognizeLayout } from './header';
import { dayColumns, HoursByFacility } from './hours';
import type { Layout, RowMapper } from './layouts';
import { addSpecialityRow, specialityPoint } from './map-navii';
import { PointWriter, type RunContext } from './point-writer';
import type { RejectedSpool } from './rejected-spool';
import type { RepairLog } from './repairs';
import { type ColumnIndex, columnIndex, Row } from './row';
import { Coverage, withdrawAbsent } from './withdraw';

export type FileJob = {
  filePath: string;
  fileName: string;
  encoding: ImportEncoding;
  mode: ImportMode;
  totalBytes: number;
  run: RunContext;
  batchSize: number;
  onProgress: (progress: ImportProgress) => void;
};

/** What the run knows so far; kept by the caller, so a rollback still reports it. */
export type FileState = {
  layout: Layout | null;
  rowsRead: number;
  bytesRead: number;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
};

export const emptyFileState = (): FileState => ({
  layout: null,
  rowsRead: 0,
  bytesRead: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  withdrawn: 0,
});

export type RunLog = { spool: RejectedSpool; repairs: RepairLog };

const PROGRESS_EVERY = 1000;

export async function readFileInto(db: DbOrTx, job: FileJob, state: FileState, log: RunLog): Promise<void> {
  const reader = new FileReader(db, job, state, log);
  const onBytes = (bytes: number) => {
    state.bytesRead = bytes;
  };
  try {
    for await (const record of csvRecords(job.filePath, job.encoding, onBytes)) await reader.take(record);
    await reader.finish();
  } finally {
    await reader.settle();
  }
}

class FileReader {
  private readonly file: FileContext;
  private columns: ColumnIndex = new Map();
  private handle: ((row: Row) => Promise<void>) | null = null;
  private writer: PointWriter | null = null;
  private coverage: Coverage | null = null;
  private readonly seen = new Map<string, number>();
  private readonly facilities = new HoursByFacility();
  private batch: MappedPoint[] = [];
  /** The batch being written while the next one is read (one at a time). */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DbOrTx,
    private readonly job: FileJob,
    private readonly state: FileState,
    private readonly log: RunLog,
  ) {
    this.file = fileContext(job.fileName);
  }

  async take(record: { fields: string[]; line: number }): Promise<void> {
    if (!this.handle) return this.begin(record.fields);
    if (record.fields.every((field) => field.trim() === '')) return; // a spreadsheet's empty row
    this.state.rowsRead++;
    await this.handle(new Row(record.fields, this.columns, record.line));
    if (this.state.rowsRead % PROGRESS_EVERY === 0) this.progress();
  }

  async finish(): Promise<void> {
    const layout = this.state.layout;
    if (!layout) throw new HeaderError('ファイルに中身（見出し行とデータ）がありません。');
    await this.flush();
    await this.inFlight;
    if (layout.kind === 'hours') await this.writeHours();
    await this.withdraw(layout);
    this.progress();
  }

  /** Lets a write still in flight end before the transaction does (its error is already reported). */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }

  private async begin(header: string[]): Promise<void> {
    const layout = recognizeLayout(header);
    this.state.layout = layout;
    this.columns = columnIndex(header);
    this.writer = new PointWriter(this.db, layout.scheme, this.job.run, layout.kind === 'hours');
    this.coverage = new Coverage(layout.scheme);
    this.handle =
      layout.kind === 'hours'
        ? this.hoursRow(dayColumns(header, '診療'))
        : this.pointsRow(layout.mapper(header));
  }

  private pointsRow(map: RowMapper) {
    return async (row: Row) => {
      const outcome = map(row, this.file);
      if ('rejection' in outcome) await this.refuse(row, outcome.rejection);
      else await this.accept(row, outcome.points);
    };
  }

  private hoursRow(days: ReturnType<typeof dayColumns>) {
    return async (row: Row) => {
      const refused = addSpecialityRow(row, days, this.facilities);
      if (refused) await this.refuse(row, refused.rejection);
      else this.log.repairs.addAll(row.repairs, row.line);
    };
  }

  private refuse(row: Row, reason: string): Promise<void> {
    return this.log.spool.add({ line: row.line, reason, raw: row.rawText() });
  }

  private async accept(row: Row, points: MappedPoint[]): Promise<void> {
    for (const { identity } of points) {
      const earlier = this.seen.get(identityKey(identity));
      if (earlier !== undefined)
        return this.refuse(
          row,
          `${earlier}行目と同じ事業所（番号 ${identity.officialCode}・種類 ${identity.serviceCode}）です。重複した行を消してください。`,
        );
    }
    for (const point of points) {
      this.seen.set(identityKey(point.identity), row.line);
      this.coverage?.add(point.identity, point.fields.municipalityCode);
    }
    this.log.repairs.addAll(row.repairs, row.line);
    this.batch.push(...points);
    if (this.batch.length >= this.job.batchSize) await this.flush();
  }

  /** All or nothing: after the first refused row nothing more is written (it will all roll back). */
  private get applying(): boolean {
    return !(this.job.mode === 'all_or_nothing' && this.log.spool.count > 0);
  }

  /**
   * Sends the batch to the database and returns while it is written, so the next batch is read and
   * mapped meanwhile (the database and this process work side by side); one batch in flight at a time.
   */
  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    await this.inFlight;
    const writer = this.writer;
    if (!writer || batch.length === 0) return;
    this.inFlight = writer.write(batch, this.applying).then(() => {
      Object.assign(this.state, writer.counts);
    });
    this.inFlight.catch(() => undefined); // awaited (and thrown) by the next flush or by finish
  }

  /** speciality_hours: each facility's departments and hours, to points its facility_info created. */
  private async writeHours(): Promise<void> {
    const writer = this.writer;
    if (!writer) return;
    const entries = new Map(this.facilities.entries());
    const points = [...entries].map(([id, entry]) => specialityPoint(id, entry, this.file));
    for (let i = 0; i < points.length; i += this.job.batchSize) {
      const missing = await writer.write(points.slice(i, i + this.job.batchSize), this.applying);
      Object.assign(this.state, writer.counts);
      for (const point of missing) {
        const entry = entries.get(point.identity.officialCode);
        await this.log.spool.add({
          line: point.line,
          reason: `ID「${point.identity.officialCode}」の医療機関がまだ取り込まれていません。先に同じ日付の施設情報（facility_info）のファイルを取り込んでください。`,
          raw: entry?.raw ?? '',
        });
      }
    }
  }

  /** Never from an incomplete file: a refused row's point would look absent. */
  private async withdraw(layout: Layout): Promise<void> {
    if (layout.kind !== 'points' || !this.coverage || !this.writer) return;
    if (this.log.spool.count > 0) {
      if (this.job.mode === 'valid_rows') this.log.repairs.note('withdrawal_skipped');
      return;
    }
    this.state.withdrawn = await withdrawAbsent(this.db, this.coverage, this.writer.seenIds, this.job.run);
  }

  private progress(): void {
    const { rowsRead, bytesRead } = this.state;
    this.job.onProgress({ rowsRead, bytesRead, totalBytes: this.job.totalBytes });
  }
}
