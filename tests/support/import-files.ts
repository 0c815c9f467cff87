// Files for the import tests: the committed fixtures, variants of them written to a temporary
// directory (a row removed, a phone changed …), and the service points they become.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/server/db/client';
import { servicePoints } from '../../src/server/db/schema';

export const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/directory');
export const fixturePath = (name: string) => path.join(fixtureDir, name);

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-import-test-'));

/** Writes bytes or text under `name` in a temporary directory (name patterns matter to the importer). */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(tempDir, 'f-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A fixture (UTF-8) changed by `edit`, under the same name. */
export function fixtureVariant(name: string, edit: (text: string) => string): string {
  return tempFile(name, edit(fs.readFileSync(fixturePath(name), 'utf8')));
}

export async function pointOf(db: DbOrTx, officialCode: string, serviceCode: string) {
  const [row] = await db
    .select()
    .from(servicePoints)
    .where(and(eq(servicePoints.officialCode, officialCode), eq(servicePoints.serviceCode, serviceCode)));
  return row;
}

/** A PNG's first bytes: what a person uploads by mistake. */
export const pngBytes = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
]);
