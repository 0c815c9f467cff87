import fs from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { receiveToTempFile } from './upload';

describe('receiving an upload', () => {
  it('streams the body to a temporary file with its size and SHA-256', async () => {
    const file = await receiveToTempFile(Readable.from([Buffer.from('abc'), Buffer.from('def')]), 100);
    expect(file).toMatchObject({
      bytes: 6,
      checksum: 'bef57ec7f53a6d40beb640a780a639c83bc29ac8a9816f1fc6c5c6dcd93c4721',
    });
    expect(fs.readFileSync(file.path, 'utf8')).toBe('abcdef');
    fs.rmSync(file.path);
  });

  it('stops at the limit without a Content-Length (413), leaving no file behind', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1000, 0x41));
    const error = await receiveToTempFile(Readable.from(chunks), 4500).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 413, code: 'file_too_large' });
    expect((error as Error).message).toMatch(/ファイルが大きすぎます（上限 0 MB）/);
  });
});
