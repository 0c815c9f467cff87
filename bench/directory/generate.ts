// Synthetic national dataset of service points in the 介護サービス情報公表システム open-data layout
// (docs: /work/shared/product/data-formats.md §1), for benchmarks of the importer and of Japanese
// substring search over name, kana and address. Deterministic for a seed: every random choice comes
// from one mulberry32 stream consumed in a fixed order, so two runs with the same seed and count write
// identical files.
//
// Usage: npx tsx bench/directory/generate.ts --count 500000 --out /tmp/tsunagu-national [--seed 42]
// Stdout: one JSON line { "files": [...], "rows": N, "bytes": B, "seconds": S }; progress on stderr.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { municipalityCheckDigit } from '../../src/shared/municipality';
import {
  BUILDINGS,
  CORPORATE_FORMS,
  DAY_NOTES,
  MUNICIPALITY_HEADS,
  MUNICIPALITY_TAILS,
  NAME_WORDS,
  PREFECTURES,
  REMARKS,
  SECOND_WORDS,
  SERVICE_PAIRS,
  SERVICES,
  type ServiceSpec,
  TOWNS,
  type Word,
} from './words';

export const HEADER =
  '都道府県コード又は市町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,方書（ビル名等）,緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,高齢者の方と障害者の方が同時一体的に利用できるサービス,介護保険の通常の指定基準を満たしている,障害福祉の通常の指定基準を満たしている,備考';

// Services open every day because people live there or are visited around the clock.
const EVERY_DAY = new Set(['510', '520', '550', '320', '210', '220', '730', '770', '760', '710']);
// Facilities run by 社会福祉法人 / 医療法人 only, by law or in practice.
const WELFARE_ONLY = new Set(['510']);
const MEDICAL_ONLY = new Set(['520', '550', '160', '220', '140']);

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: tiny, fast, and good enough for synthetic data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Weighted choice by binary search over cumulative weights. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  constructor(
    private readonly items: readonly T[],
    weight: (item: T, index: number) => number,
  ) {
    let sum = 0;
    for (const [i, item] of items.entries()) {
      sum += weight(item, i);
      this.cumulative.push(sum);
    }
  }
  pick(random: Random): T {
    const target = random.next() * (this.cumulative.at(-1) ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

const serviceByCode = new Map(SERVICES.map((s) => [s.code, s]));
const pickService = new Weighted(SERVICES, (s) => s.weight);
const corporateForms = new Weighted(CORPORATE_FORMS, ([, weight]) => weight);

type Municipality = {
  code: string;
  name: string;
  stem: Word;
  town: boolean;
  lat: number;
  lon: number;
  area: string;
};
type Corporation = { name: string; number: string; word: Word };
type Prefecture = {
  code: string;
  name: string;
  municipalities: Weighted<Municipality>;
  corporations: Map<string, Corporation[]>;
  offices: number;
  offset: number;
};

/** 10–40 municipalities, more in populous prefectures; Tokyo starts with 23 special wards. */
function buildPrefecture(
  random: Random,
  [code, name, lat, lon, population]: (typeof PREFECTURES)[number],
): Prefecture {
  const count = Math.min(
    40,
    Math.max(10, 10 + Math.round(30 * Math.sqrt(population / 1405)) + random.int(-3, 3)),
  );
  const wards = code === '13' ? 23 : 0;
  const cities = Math.max(3, Math.round((count - wards) * 0.4));
  const villages = Math.round((count - wards) * 0.12);
  const used = new Set<string>();
  const list: Municipality[] = [];
  let townCode = 300;
  for (let i = 0; i < count; i++) {
    const kind = i < wards ? '区' : i < wards + cities ? '市' : i < count - villages ? '町' : '村';
    let stem: Word;
    do {
      const head = random.pick(MUNICIPALITY_HEADS);
      const tail = random.pick(MUNICIPALITY_TAILS);
      stem = { text: head.text + tail.text, kana: head.kana + tail.kana, lead: false };
    } while (used.has(stem.text));
    used.add(stem.text);
    // JIS numbering: special wards 1xx, cities 2xx, towns and villages 3xx and up, with gaps.
    if (kind === '町' || kind === '村') townCode += random.int(1, 12);
    const three = kind === '区' ? 101 + i : kind === '市' ? 201 + i - wards : townCode;
    const five = code + String(three);
    // Tokyo's wards share 03 and the first city of Osaka is 06; elsewhere 3- or 4-digit area codes.
    let area = `0${random.int(1, 9)}${random.digits(random.int(1, 2))}`;
    if (kind === '区') area = '03';
    else if (code === '27' && i === 0) area = '06';
    list.push({
      code: five + String(municipalityCheckDigit(five)),
      name: stem.text + kind,
      stem,
      town: kind === '町' || kind === '村',
      lat: lat + (random.next() - 0.5) * 0.6,
      lon: lon + (random.next() - 0.5) * 0.6,
      area,
    });
  }
  // Zipf-like: the first (largest) municipality gets most of the prefecture's service points.
  const offset = random.int(0, 9_999_999);
  return {
    code,
    name,
    municipalities: new Weighted(list, (_, i) => 1 / (i + 1) ** 0.9),
    corporations: new Map(),
    offices: 0,
    offset,
  };
}

/** 法人番号: 12 digits preceded by the check digit 9 − (Σ digit × (1 or 2, alternating from the right)) mod 9. */
function corporateNumber(random: Random): string {
  const base = String(random.int(1, 9)) + random.digits(11);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return String(9 - (sum % 9)) + base;
}

function corporation(
  random: Random,
  prefecture: Prefecture,
  municipality: Municipality,
  code: string,
): Corporation {
  let [form, , kai] = corporateForms.pick(random);
  if (WELFARE_ONLY.has(code)) [form, kai] = ['社会福祉法人', true];
  else if (MEDICAL_ONLY.has(code) && !form.startsWith('医療法人')) [form, kai] = ['医療法人', true];
  const pool = prefecture.corporations.get(form) ?? [];
  prefecture.corporations.set(form, pool);
  // Corporations run several service points: reuse one of the prefecture's a third of the time.
  if (pool.length > 0 && random.chance(0.35)) return random.pick(pool);
  const w = random.chance(0.15) ? municipality.stem : random.pick(NAME_WORDS);
  const corp = {
    name: form + w.text + (kai ? '会' : ''),
    number: random.chance(0.2) ? '' : corporateNumber(random),
    word: w,
  };
  if (pool.length < 500) pool.push(corp);
  return corp;
}

function address(random: Random, municipality: Municipality): string {
  const town = (municipality.town && random.chance(0.25) ? '大字' : '') + random.pick(TOWNS);
  const style = random.next();
  if (style < 0.6) return `${town}${random.int(1, 9)}丁目${random.int(1, 40)}番${random.int(1, 30)}号`;
  if (style < 0.9) return `${town}${random.int(1, 3000)}番地${random.chance(0.5) ? random.int(1, 20) : ''}`;
  return `${town}${random.int(1, 9)}-${random.int(1, 40)}-${random.int(1, 30)}`;
}

function building(random: Random): string {
  const floor = random.pick([
    `${random.int(1, 9)}階`,
    `${random.int(1, 5)}F`,
    `${random.int(1, 9)}0${random.int(1, 9)}号室`,
  ]);
  return random.pick(NAME_WORDS).text + random.pick(BUILDINGS) + floor;
}

function url(random: Random): string {
  const r = random.next();
  if (r < 0.45) return '';
  let host = '';
  for (let i = random.int(4, 10); i > 0; i--) host += String.fromCharCode(97 + random.int(0, 25));
  // The real URL column sometimes holds an e-mail address or a phone number (data-formats §1).
  if (r < 0.48) return `info@${host}.jp`;
  if (r < 0.49) return `0${random.int(1, 9)}${random.digits(2)}-${random.int(100, 999)}-${random.digits(4)}`;
  return `https://www.${host}.${random.pick(['jp', 'or.jp', 'co.jp', 'com', 'ne.jp'])}/`;
}

function days(random: Random, code: string): string {
  if (EVERY_DAY.has(code)) return '月火水木金土日';
  const r = random.next();
  if (code === '430') return r < 0.8 ? '月火水木金' : '月火水木金土';
  return r < 0.55 ? '月火水木金' : r < 0.85 ? '月火水木金土' : '月火水木金土日';
}

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Rows of one service point (one 事業所番号): usually one service, 5% two services from the same office. */
function officeRows(random: Random, prefecture: Prefecture): { code: string; fields: string[] }[] {
  const codes = random.chance(0.05) ? [...random.pick(SERVICE_PAIRS)] : [pickService.pick(random).code];
  const municipality = prefecture.municipalities.pick(random);
  const corp = corporation(random, prefecture, municipality, codes[0] ?? '');
  const r = random.next();
  const first = r < 0.3 ? corp.word : r < 0.4 ? municipality.stem : random.pick(NAME_WORDS);
  const second = random.chance(0.35) ? random.pick(SECOND_WORDS) : undefined;
  const stem = { text: first.text + (second?.text ?? ''), kana: first.kana + (second?.kana ?? '') };
  // Office number: prefecture, 7, and a per-prefecture serial scrambled by a bijection mod 10^7
  // (7654321 is prime to 10^7), so numbers are unique without a set of those already issued.
  const serial = (prefecture.offices++ * 7_654_321 + prefecture.offset) % 10_000_000;
  const number = `${prefecture.code}7${String(serial).padStart(7, '0')}`;
  const located = random.chance(0.995); // a few rows without coordinates, as the importer must keep them
  const lat = located ? (municipality.lat + (random.next() - 0.5) * 0.06).toFixed(6) : '';
  const lon = located ? (municipality.lon + (random.next() - 0.5) * 0.06).toFixed(6) : '';
  const exchange = String(random.int(1, 9)) + random.digits(5 - municipality.area.length);
  const tel = `${municipality.area}-${exchange}-${random.digits(4)}`;
  const fax = random.chance(0.85) ? `${municipality.area}-${exchange}-${random.digits(4)}` : '';
  const shared = {
    address: prefecture.name + municipality.name + address(random, municipality),
    building: random.chance(0.2) ? building(random) : '',
    url: url(random),
  };
  return codes.map((code) => {
    const service = serviceByCode.get(code) as ServiceSpec;
    const suffix = random.pick(service.suffixes);
    const name = suffix.lead ? suffix.text + stem.text : stem.text + suffix.text;
    const kana = suffix.lead ? suffix.kana + stem.kana : stem.kana + suffix.kana;
    const [min, max] = service.capacity;
    const kyosei = random.chance(0.03);
    return {
      code,
      // Grouped as in HEADER; No (index 1) is numbered per file by the writer.
      // biome-ignore format: one line per group of columns reads better than one line per column
      fields: [
        municipality.code, '', prefecture.name, municipality.name, name, kana, service.name,
        shared.address, shared.building, lat, lon, tel, fax,
        corp.number, corp.name, number,
        days(random, code), random.chance(0.15) ? random.pick(DAY_NOTES) : '',
        service.visit ? '0' : String(random.int(min, max)), shared.url,
        kyosei ? '○' : '', kyosei ? '○' : '', kyosei && random.chance(0.5) ? '○' : '',
        random.chance(0.05) ? random.pick(REMARKS) : '',
      ],
    };
  });
}

/** One output file; rows are batched into ~64 KiB writes and the caller awaits 'drain' when asked to. */
class CsvFile {
  rows = 0;
  private buffer = '';
  readonly stream: fs.WriteStream;
  constructor(readonly file: string) {
    this.stream = fs.createWriteStream(file);
    this.buffer = `\uFEFF${HEADER}\r\n`;
  }
  /** Returns true when the buffer is large enough to be flushed. */
  push(fields: string[]): boolean {
    fields[1] = String(++this.rows);
    this.buffer += `${fields.map(csvField).join(',')}\r\n`;
    return this.buffer.length > 65536;
  }
  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const ok = this.stream.write(this.buffer);
    this.buffer = '';
    if (!ok) await once(this.stream, 'drain');
  }
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return this.stream.bytesWritten;
  }
}

export type GenerateOptions = { count: number; out: string; seed: number; progress?: (rows: number) => void };

export async function generateDirectory({ count, out, seed, progress }: GenerateOptions) {
  const started = performance.now();
  const random = new Random(seed);
  const prefectures: Prefecture[] = PREFECTURES.map((p) => buildPrefecture(random, p));
  const pickPrefecture = new Weighted(prefectures, (_, i) => PREFECTURES[i]?.[4] ?? 0); // by population
  fs.mkdirSync(out, { recursive: true });
  const files = new Map(SERVICES.map((s) => [s.code, new CsvFile(path.join(out, `jigyosho_${s.code}.csv`))]));
  let rows = 0;
  let nextReport = 50_000;
  while (rows < count) {
    for (const { code, fields } of officeRows(random, pickPrefecture.pick(random))) {
      if (rows >= count) break;
      const file = files.get(code) as CsvFile;
      if (file.push(fields)) await file.flush();
      rows++;
    }
    if (rows >= nextReport) {
      progress?.(rows);
      nextReport += 50_000;
    }
  }
  let bytes = 0;
  for (const file of files.values()) bytes += await file.close();
  return {
    files: [...files.values()].map((f) => f.file),
    rows,
    bytes,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || !values.out || !Number.isInteger(seed)) {
    console.error(
      'Usage: npx tsx bench/directory/generate.ts --count 500000 --out /tmp/tsunagu-national [--seed 42]',
    );
    process.exit(2);
  }
  const result = await generateDirectory({
    count,
    out: values.out,
    seed,
    progress: (rows) => console.error(`generated ${rows}/${count} rows`),
  });
  console.log(JSON.stringify(result));
}
