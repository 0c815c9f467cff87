// A file as a stream of CSV records with the line each starts on: bytes → decoder (iconv-lite, never
// the whole file in memory) → csv-parse. csv-parse counts a CRLF inside a quoted field as two lines,
// so lines are counted here: skipped empty lines plus the line breaks inside the record's fields.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { CsvError, type Info, parse } from 'csv-parse';
import type { ImportEncoding } from '../../../../shared/schemas/directory-import';
import { decoderFor } from './encoding';

export type CsvRecord = { fields: string[]; line: number };

const breaksIn = (fields: readonly string[]) => {
  let breaks = 0;
  for (const field of fields)
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return breaks;
};

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
  const parser = parse({
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  // Errors of any stage reach the loop below through the parser; the pipeline's own promise is only
  // awaited so that nothing is left unhandled.
  const piping = pipeline(source, decoderFor(encoding), parser).catch(() => undefined);
  let lastLine = 0;
  let emptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = lastLine + 1 + (info.empty_lines - emptyLines);
      emptyLines = info.empty_lines;
      lastLine = line + breaksIn(record);
      yield { fields: record, line };
    }
  } finally {
    parser.destroy();
    await piping;
  }
}

/** A file csv-parse could not read (a quote never closed …), said for people, with the line. */
export function csvErrorMessage(error: unknown): string | null {
  if (!(error instanceof CsvError)) return null;
  const lines = typeof error.lines === 'number' ? `${error.lines}行目あたりで` : '';
  return `CSV として読めない箇所があるため、何も取り込んでいません。${lines}引用符（"）の閉じ忘れなどがないか確かめてください。（${error.code}）`;
}
