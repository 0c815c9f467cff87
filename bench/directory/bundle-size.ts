// How much JavaScript the public directory pages load before the map is opened (budget: 200 kB gzip).
//
//   npx tsx bench/directory/bundle-size.ts [--dist <dir>] [--no-build] [--budget-kb 200]
//
// Builds the web client with `vite build --manifest` into a temporary directory (or reads an existing
// build with --no-build --dist <dir>, which must hold .vite/manifest.json), then follows the manifest:
// the entry chunk (index.html) and its static imports, plus each page's lazy chunk and its static
// imports. Dynamic imports (the map, other pages) are not followed: they load later, if at all.
// Prints JSON on stdout; exits 1 when a page is over the budget.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

const root = path.resolve(import.meta.dirname, '../..');
const pages = {
  '/directory': 'src/web/features/directory/DirectoryPage.tsx',
  '/directory/points/:id': 'src/web/features/directory/PointPage.tsx',
  '/directory/medical-care': 'src/web/features/directory/MedicalCarePage.tsx',
  '/ (top page, for comparison)': 'src/web/features/top/TopPage.tsx',
};
const mapModule = 'src/web/features/directory/map/LeafletMap.tsx';

function build(outDir: string): void {
  process.stderr.write(`vite build → ${outDir}\n`);
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/** The chunk and everything it imports statically, as manifest keys. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function measure(dist: string, manifest: Manifest, keys: Iterable<string>) {
  const files = [...new Set([...keys].map((key) => manifest[key]?.file ?? ''))].filter((f) =>
    f.endsWith('.js'),
  );
  const sizes = files.map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return { file, bytes: bytes.length, gzip: zlib.gzipSync(bytes).length };
  });
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return {
    gzipKb: kb(sizes.reduce((sum, s) => sum + s.gzip, 0)),
    rawKb: kb(sizes.reduce((sum, s) => sum + s.bytes, 0)),
    files: sizes.sort((a, b) => b.gzip - a.gzip).map((s) => ({ file: s.file, gzipKb: kb(s.gzip) })),
  };
}

type PageReport = ReturnType<typeof measure> & { withinBudget: boolean };

/** Each page: the entry and the page's chunk with their static imports. */
function pageReports(dist: string, manifest: Manifest, entry: Set<string>, budget: number) {
  const reports: Record<string, PageReport | { missing: string }> = {};
  for (const [route, page] of Object.entries(pages)) {
    if (!manifest[page]) {
      reports[route] = { missing: `${page} is not in this build` };
      continue;
    }
    const before = measure(dist, manifest, new Set([...entry, ...staticClosure(manifest, page)]));
    reports[route] = { ...before, withinBudget: before.gzipKb <= budget };
  }
  return reports;
}

/** What opening the map adds to the search page: its chunk and the imports not loaded already. */
function mapReport(dist: string, manifest: Manifest, entry: Set<string>) {
  if (!manifest[mapModule]) return null;
  const searchPage = manifest[pages['/directory']] ? staticClosure(manifest, pages['/directory']) : new Set();
  const extra = [...staticClosure(manifest, mapModule)].filter(
    (key) => !entry.has(key) && !searchPage.has(key),
  );
  const { gzipKb, rawKb, files } = measure(dist, manifest, extra);
  return { gzipKb, rawKb, files };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'budget-kb': { type: 'string', default: '200' },
    },
  });
  const dist = values.dist ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-bundle-'));
  if (!values['no-build']) build(dist);
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const budget = Number(values['budget-kb']);
  const entry = staticClosure(manifest, 'index.html');
  const result = pageReports(dist, manifest, entry, budget);
  const report = {
    budgetKb: budget,
    gzip: 'zlib default level, JavaScript only, kB = 1024 bytes',
    entry: measure(dist, manifest, entry),
    pages: result,
    mapLoadedOnOpen: mapReport(dist, manifest, entry),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!values.dist) fs.rmSync(dist, { recursive: true, force: true });
  const over = Object.entries(result).filter(([, page]) => 'withinBudget' in page && !page.withinBudget);
  if (over.length > 0) {
    process.stderr.write(`Over the ${budget} kB budget: ${over.map(([route]) => route).join(', ')}\n`);
    process.exitCode = 1;
  }
}

main();
