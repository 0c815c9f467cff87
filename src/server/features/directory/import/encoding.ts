// Which bytes a file holds: refuse what is not a text file at all (images, ZIP, Excel), then find the
// encoding (data-formats.md §4): a BOM (UTF-8, UTF-16 LE/BE), UTF-16 without one (NUL in every other
// byte), a strict UTF-8 decode of the sample, else CP932 (Shift_JIS as Windows writes it).
import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../../../shared/schemas/directory-import';

export const SAMPLE_BYTES = 64 * 1024;

export async function readSample(filePath: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (sample: Buffer, bytes: number[]) => bytes.every((byte, i) => sample[i] === byte);

/** Formats people upload by mistake, by their first bytes. */
const knownBinaries: { bytes: number[]; what: string; hint: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP 形式（Excel の .xlsx を含む）', hint: 'zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'Excel（.xls）などの Office 形式', hint: 'excel' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 画像', hint: 'other' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 画像', hint: 'other' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 画像', hint: 'other' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF', hint: 'other' },
];

const hints: Record<string, string> = {
  zip: 'ZIP ファイルは展開して、中の CSV ファイルを選んでください。Excel のファイルは「CSV UTF-8（コンマ区切り）」で保存し直してください。',
  excel: '表計算ソフトで「CSV UTF-8（コンマ区切り）」形式で保存し直したファイルを選んでください。',
  other: 'オープンデータの CSV ファイル（.csv）を選んでください。',
};

/** Why the file cannot be a CSV text file, in words a person can act on; null when it may be one. */
export function notCsvReason(sample: Buffer): string | null {
  if (sample.length === 0) return 'ファイルが空です。中身のある CSV ファイルを選んでください。';
  const known = knownBinaries.find((binary) => startsWith(sample, binary.bytes));
  if (known) return `このファイルは${known.what}で、CSV ではありません。${hints[known.hint]}`;
  const encoding = detectEncoding(sample);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
  // Text never holds NUL; other control bytes (not tab, CR, LF, ESC) only by accident, a few at most.
  const nul = sample.includes(0);
  const controls = sample.filter((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b));
  if (nul || controls.length > sample.length / 100)
    return `このファイルは文字のファイル（CSV）ではないようです。${hints.other}`;
  return null;
}

/** Zero bytes at even and at odd offsets among the first 4 KiB, as shares of the byte pairs. */
function zeroShares(sample: Buffer): [even: number, odd: number] {
  const length = Math.min(sample.length, 4096);
  const zeros = [0, 0];
  for (let i = 0; i < length; i++) if (sample[i] === 0) zeros[i % 2] = (zeros[i % 2] ?? 0) + 1;
  const pairs = Math.max(1, Math.floor(length / 2));
  return [(zeros[0] ?? 0) / pairs, (zeros[1] ?? 0) / pairs];
}

/** UTF-16 has its NULs on one side only (ASCII: commas, digits, line ends); binary files on both. */
function utf16WithoutBom(sample: Buffer): ImportEncoding | null {
  const [even, odd] = zeroShares(sample);
  if (odd > 0.05 && even < odd / 20) return 'utf-16le';
  if (even > 0.05 && odd < even / 20) return 'utf-16be';
  return null;
}

export function detectEncoding(sample: Buffer): ImportEncoding {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  try {
    // `stream: true`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'cp932';
  }
}

const iconvNames: Record<ImportEncoding, string> = {
  'utf-8-bom': 'utf8',
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  cp932: 'cp932',
};

/** A streaming decoder (bytes in, text out) that also drops the BOM. */
export function decoderFor(encoding: ImportEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(iconvNames[encoding], { stripBOM: true });
}

export const encodingLabels: Record<ImportEncoding, string> = {
  'utf-8-bom': 'UTF-8（BOM付き）',
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  cp932: 'Shift_JIS（CP932）',
};
