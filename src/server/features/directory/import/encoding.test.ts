import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, notCsvReason } from './encoding';

const text = '事業所名,住所\r\nみらい訪問看護,さくら県みらい市\r\n';

describe('encoding detection', () => {
  it('goes by the BOM first', () => {
    expect(detectEncoding(Buffer.from(`\uFEFF${text}`))).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(
      'utf-16le',
    );
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]))).toBe(
      'utf-16be',
    );
  });

  it('finds UTF-16 without a BOM, strict UTF-8, and falls back to CP932', () => {
    expect(detectEncoding(Buffer.from('NO,name\r\n1,abc\r\n', 'utf16le'))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from(text))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'cp932'))).toBe('cp932');
    // Half-width katakana (one byte each in Shift_JIS) are no valid UTF-8 either.
    expect(detectEncoding(iconv.encode('ｺｰﾄﾞ,ﾐﾗｲ\r\n', 'cp932'))).toBe('cp932');
  });

  it('is not misled by a UTF-8 character cut at the end of the sample', () => {
    const bytes = Buffer.from(text);
    expect(detectEncoding(bytes.subarray(0, bytes.indexOf(Buffer.from('訪')) + 1))).toBe('utf-8');
  });
});

describe('files that are no CSV', () => {
  it('names what was uploaded instead, and what to do', () => {
    expect(notCsvReason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatch(
      /PNG 画像で、CSV ではありません/,
    );
    expect(notCsvReason(Buffer.from('PK\u0003\u0004....'))).toMatch(/ZIP ファイルは展開して/);
    expect(notCsvReason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toMatch(/CSV UTF-8（コンマ区切り）/);
    expect(notCsvReason(Buffer.alloc(0))).toMatch(/ファイルが空です/);
    expect(notCsvReason(Buffer.from([0x41, 0x00, 0x01, 0x02, 0x03, 0x42, 0x43, 0x44, 0x00, 0x05]))).toMatch(
      /文字のファイル（CSV）ではないようです/,
    );
  });

  it('lets text through, in any of the encodings', () => {
    expect(notCsvReason(Buffer.from(text))).toBeNull();
    expect(notCsvReason(iconv.encode(text, 'cp932'))).toBeNull();
    expect(notCsvReason(Buffer.from(text, 'utf16le'))).toBeNull();
  });
});
