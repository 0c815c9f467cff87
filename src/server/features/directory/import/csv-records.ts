// A file as a stream of CSV records with the line each starts on: bytes → decoder (iconv-lite, never
// the whole file in memory) → Papa Parse, a chunk at a time (paused while this generator's reader
// works through the chunk, the stream paused with it). Papa Parse reads the national files about five times as fast as
// csv-parse did. Lines are counted here: one per record plus the line breaks inside its fields, and
// one per empty line (skipped). Quotes inside an unquoted field are kept as they are; a quoted field
// that never closes makes the file unreadable (CsvReadError), since everything after it would be lost.
import fs from 'node:fs';
import Papa from 'papaparse';
import type { ImportEncoding } from '../../../../shared/schemas/directory-import';
import { decoderFor } from './encoding';

export type CsvRecord = { fields: string[]; line: number };

/** A file Papa Parse could not read as CSV, with the line where the trouble starts. */
export class CsvReadError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field from line ${line}`);
  }
}

const breaksIn = (fields: readonly string[]) => {
  let breaks = 0;
  for (const field of fields)
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks;
};

type Chunk = { rows: string[][]; unclosedAt: number | null };

/** `onBytes` is told the running total of bytes read from the file. */
export async function* csvRecords(
  filePath: string,
  encoding: ImportEncoding,
  onBytes: (bytes: number) => void,
): AsyncGenerator<CsvRecord> {
  const source = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  source.on('data', (chunk) => {
    bytes += chunk.length;
    onBytes(bytes);
  });
  const decoded = source.pipe(decoderFor(encoding)) as NodeJS.ReadableStream;
  const chunks: Chunk[] = [];
  let parser: Papa.Parser | null = null;
  let finished = false;
  let failure: unknown = null;
  let wake: () => void = () => {};
  const fail = (error: unknown) => {
    failure = error;
    wake();
  };
  source.on('error', fail);
  decoded.on('error', fail);
  Papa.parse<string[]>(decoded, {
    delimiter: ',',
    skipEmptyLines: false,
    chunk: (results, handle) => {
      const unclosed = results.errors.find((error) => error.code === 'MissingQuotes');
      chunks.push({ rows: results.data, unclosedAt: unclosed?.row ?? null });
      parser = handle;
      // The handle's pause stops the parser only: the stream must be paused too, or the whole file
      // piles up in Papa Parse's queue while the rows already read are written.
      handle.pause();
      decoded.pause();
      wake();
    },
    complete: () => {
      finished = true;
      wake();
    },
  });
  let line = 1;
  try {
    for (;;) {
      const chunk = chunks.shift();
      if (!chunk) {
        if (failure) throw failure;
        if (finished) return;
        const resumed = parser as Papa.Parser | null;
        await new Promise<void>((resolve) => {
          wake = resolve;
          decoded.resume();
          resumed?.resume();
        });
        continue;
      }
      for (const [i, fields] of chunk.rows.entries()) {
        if (chunk.unclosedAt === i) throw new CsvReadError(line);
        if (fields.length === 1 && fields[0] === '') {
          line++;
          continue;
        }
        yield { fields, line };
        line += 1 + breaksIn(fields);
      }
    }
  } finally {
    (parser as Papa.Parser | null)?.abort();
    source.destroy();
  }
}

/** A file that could not be read as CSV (a quote never closed …), said for people, with the line. */
export function csvErrorMessage(error: unknown): string | null {
  if (!(error instanceof CsvReadError)) return null;
  return `CSV として読めない箇所があるため、何も取り込んでいません。${error.line}行目から始まる引用符（"）が閉じられていません。閉じ忘れがないか確かめてください。`;
}
