// `tsx src/server/main.ts import <file...> [--mode all_or_nothing|valid_rows]`: each file is one run
// (recorded like those started from the web page), with a progress bar on stderr — one redrawn line on
// a terminal, a line every 10 % otherwise — and a summary per file on stdout. Exit code 1 when a run failed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ImportProgress, importModeSchema } from '../../../../shared/schemas/directory-import';
import type { Database } from '../../../db/client';
import { encodingLabels } from './encoding';
import { layoutById } from './layouts';
import { analyzeServicePoints, changedRows, importFile } from './run-import';
import { type RunOutcome, readRun } from './runs';

export const importUsage = 'Usage: import <file.csv...> [--mode all_or_nothing|valid_rows]';
const REJECTED_SHOWN = 20;

type Output = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream & { isTTY?: boolean } };

/** Progress of one file: a redrawn bar on a terminal (at most every 100 ms), else a line per 10 %. */
export function progressReporter(stream: Output['stderr'], label: string) {
  let lastDraw = 0;
  let lastTenth = -1;
  return {
    update(progress: ImportProgress): void {
      const share = progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 1;
      const percent = Math.floor(share * 100);
      if (stream.isTTY) {
        if (Date.now() - lastDraw < 100 && share < 1) return;
        lastDraw = Date.now();
        const filled = Math.round(share * 30);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${percent}% ${progress.rowsRead.toLocaleString('en')} rows`,
        );
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label}: ${tenth * 10}% (${progress.rowsRead.toLocaleString('en')} rows)\n`);
    },
    done(): void {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

function summaryLines(fileName: string, runId: string, outcome: RunOutcome): string[] {
  const layout = outcome.layout ? layoutById.get(outcome.layout)?.label : null;
  const encoding = outcome.encoding ? encodingLabels[outcome.encoding] : null;
  return [
    `${fileName}: ${outcome.status} — ${outcome.rowsRead} rows read: ${outcome.added} added, ${outcome.updated} updated, ` +
      `${outcome.unchanged} unchanged, ${outcome.withdrawn} withdrawn, ${outcome.rejected} rejected`,
    `  run ${runId}${layout ? `, ${layout}` : ''}${encoding ? `, ${encoding}` : ''}`,
    ...outcome.repairs.map((repair) => `  repair (${repair.count}): ${repair.message}`),
    ...(outcome.error ? [`  error: ${outcome.error}`] : []),
  ];
}

export async function importCommand(db: Database, args: string[], output: Output = process): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { mode: { type: 'string', default: 'all_or_nothing' } },
  });
  const mode = importModeSchema.safeParse(values.mode);
  if (!mode.success || positionals.length === 0) throw new Error(importUsage);
  let failed = false;
  let changed = false;
  for (const filePath of positionals) {
    const fileName = path.basename(filePath);
    if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) {
      output.stderr.write(`${filePath}: no such file\n`);
      failed = true;
      continue;
    }
    const progress = progressReporter(output.stderr, fileName);
    const { runId, outcome } = await importFile(db, {
      filePath,
      fileName,
      mode: mode.data,
      refreshStatistics: false,
      onProgress: progress.update,
    });
    progress.done();
    const rejected = await readRun(db, runId, { limit: REJECTED_SHOWN, offset: 0 });
    const lines = [
      ...summaryLines(fileName, runId, outcome),
      ...rejected.rejectedRows.items.map((row) => `  line ${row.line}: ${row.reason}`),
      ...(outcome.rejected > REJECTED_SHOWN
        ? [`  … ${outcome.rejected - REJECTED_SHOWN} more rejected rows`]
        : []),
    ];
    output.stdout.write(`${lines.join('\n')}\n`);
    failed ||= outcome.status === 'failed';
    changed ||= changedRows(outcome);
  }
  if (changed) await analyzeServicePoints(db);
  return failed ? 1 : 0;
}
