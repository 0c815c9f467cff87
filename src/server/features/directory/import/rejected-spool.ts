// Rejected rows wait in a temporary file (JSON lines) while the file is read: a run can refuse every row
// of a large file without holding them in memory, and they are stored with the run record only after
// the data transaction has ended (so they survive its rollback).
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { finished } from 'node:stream/promises';
import type { RejectedRow } from './runs';

/** Enough of a row to recognise it; a broken file can put a whole megabyte in one field. */
const RAW_LIMIT = 2000;

export class RejectedSpool {
  count = 0;
  private readonly file = path.join(os.tmpdir(), `tsunagu-rejected-${randomUUID()}.jsonl`);
  private readonly stream = fs.createWriteStream(this.file);

  async add(row: RejectedRow): Promise<void> {
    this.count++;
    const line = `${JSON.stringify({ ...row, raw: row.raw.slice(0, RAW_LIMIT) })}\n`;
    if (!this.stream.write(line)) await once(this.stream, 'drain');
  }

  async *rows(): AsyncGenerator<RejectedRow> {
    await this.close();
    const lines = readline.createInterface({ input: fs.createReadStream(this.file), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as RejectedRow;
  }

  async remove(): Promise<void> {
    await this.close();
    await fs.promises.rm(this.file, { force: true });
  }

  private async close(): Promise<void> {
    if (!this.stream.writableEnded) this.stream.end();
    await finished(this.stream);
  }
}
