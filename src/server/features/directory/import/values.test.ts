// The repairs and readings rows go through, one rule at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWebContact } from './contact';
import { csvErrorMessage, csvRecords } from './csv-records';
import { timeText } from './hours';
import { readCoordinates, repairMunicipalityCode } from './location';
import { columnIndex, Row } from './row';
import { medicalKindOf, serviceChoices, serviceCodeOfFileName } from './service-kind';

const rowOf = (values: Record<string, string>) =>
  new Row(Object.values(values), columnIndex(Object.keys(values)), 2);

describe('municipality codes', () => {
  const repair = (code: string, hint = '') => {
    const row = rowOf({});
    return { code: repairMunicipalityCode(code, row, hint), repairs: row.repairs };
  };

  it('keeps a right code, refuses a wrong check digit', () => {
    expect(repair('990001')).toEqual({ code: '990001', repairs: [] });
    expect(repair('９９０００１')).toEqual({ code: '990001', repairs: [] });
    expect(repair('990002').code).toBeNull();
    expect(repair('abc').code).toBeNull();
  });

  it('puts back a lost leading zero or a missing check digit, settled by the prefecture', () => {
    expect(repair('12025', '北海道函館市')).toEqual({
      code: '012025',
      repairs: ['municipality_leading_zero'],
    });
    expect(repair('12025', '千葉県')).toEqual({ code: '120251', repairs: ['municipality_check_digit'] });
    expect(repair('01202')).toEqual({ code: '012025', repairs: ['municipality_check_digit'] });
    expect(repair('99000')).toEqual({ code: '990001', repairs: ['municipality_check_digit'] });
    expect(repair('1202')).toEqual({
      code: '012025',
      repairs: ['municipality_leading_zero', 'municipality_check_digit'],
    });
  });
});

describe('coordinates', () => {
  const read = (lat: string, lon: string) => {
    const row = rowOf({ 緯度: lat, 経度: lon });
    return { ...readCoordinates(row, '緯度', '経度'), repairs: row.repairs };
  };

  it('swaps them back, and keeps anything outside Japan off the map', () => {
    expect(read('31.59', '130.55')).toEqual({ latitude: 31.59, longitude: 130.55, repairs: [] });
    expect(read('130.55', '31.59')).toEqual({
      latitude: 31.59,
      longitude: 130.55,
      repairs: ['coordinates_swapped'],
    });
    expect(read('51.5', '-0.12').repairs).toEqual(['coordinates_outside']);
    expect(read('北緯31度', '130.55').repairs).toEqual(['coordinates_unreadable']);
    expect(read('', '')).toEqual({ latitude: null, longitude: null, repairs: [] });
    expect(read('0', '0')).toMatchObject({
      latitude: null,
      repairs: ['placeholder_blank', 'placeholder_blank'],
    });
  });
});

describe('the URL column', () => {
  const read = (url: string) => {
    const row = rowOf({ URL: url });
    return { ...readWebContact(row, 'URL'), repairs: row.repairs };
  };

  it('takes an e-mail address as one, and leaves phone numbers and nonsense out', () => {
    expect(read('https://example.jp/')).toEqual({ url: 'https://example.jp/', repairs: [] });
    expect(read('mailto:info@example.jp')).toEqual({
      url: null,
      email: 'info@example.jp',
      repairs: ['url_was_email'],
    });
    expect(read('０９９－１２３－４５６７')).toEqual({ url: null, repairs: ['url_was_phone'] });
    expect(read('www.example.jp')).toEqual({ url: 'http://www.example.jp', repairs: ['url_scheme_added'] });
    expect(read('ホームページなし')).toEqual({ url: null, repairs: ['url_invalid'] });
    expect(read('-')).toEqual({ url: null, repairs: ['placeholder_blank'] });
  });
});

describe('service kinds', () => {
  it('reads codes from file names and columns, names the directory knows, and several at once', () => {
    expect(serviceCodeOfFileName('jigyosho_110.csv')).toBe('110');
    expect(serviceCodeOfFileName('jigyosho_520_all_20250630120000.csv')).toBe('520');
    expect(serviceCodeOfFileName('990001_care.csv')).toBeNull();
    expect(serviceChoices('訪問介護;通所介護；１７５ 新しいサービス')).toEqual({
      choices: [
        { code: '110', name: '訪問介護' },
        { code: '150', name: '通所介護' },
        { code: '175', name: '新しいサービス' },
      ],
      unknown: [],
    });
    expect(serviceChoices('介護老人福祉施設').choices).toEqual([{ code: '510', name: '介護老人福祉施設' }]);
    expect(serviceChoices('ふしぎなサービス').unknown).toEqual(['ふしぎなサービス']);
    expect(['病院', '一般診療所', '歯科診療所', '薬局', 'その他'].map(medicalKindOf)).toEqual([
      'hospital',
      'clinic',
      'dental_clinic',
      'pharmacy',
      null,
    ]);
  });
});

describe('times of day', () => {
  it('writes them as HH:MM, keeping words as they are', () => {
    expect(['9:00', '０９：００', '0900', '24', '9時30分', '日没', '', '-'].map(timeText)).toEqual([
      '09:00',
      '09:00',
      '09:00',
      '24:00',
      '09:30',
      '日没',
      null,
      null,
    ]);
  });
});

describe('CSV records', () => {
  it('number each record by the line it starts on, CRLF inside quotes and empty lines included', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-csv-')), 'a.csv');
    fs.writeFileSync(file, 'a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x\r\ny\r\nz"\r\n4,4\r\n');
    const records = [];
    for await (const record of csvRecords(file, 'utf-8', () => undefined))
      records.push([record.line, record.fields[0]]);
    expect(records).toEqual([
      [1, 'a'],
      [2, '1'],
      [5, '3'],
      [8, '4'],
    ]);
  });
});

describe('CSV records from a large file', () => {
  it('are read no further ahead than a chunk or two while the rows already read are being written', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-csv-')), 'large.csv');
    const row = `${'訪問看護ステーションみらい,'.repeat(8)}end\r\n`;
    fs.writeFileSync(file, row.repeat(40_000)); // about 9 MB
    let bytes = 0;
    let rows = 0;
    for await (const _record of csvRecords(file, 'utf-8', (read) => {
      bytes = read;
    })) {
      if (++rows % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 5)); // a slow write
      if (rows === 5000) break;
    }
    expect(bytes).toBeLessThan(5000 * Buffer.byteLength(row) + 2 * 1024 * 1024);
  });
});

describe('CSV records that cannot be read', () => {
  it('refuse a quoted field that never closes, naming its line; keep quotes inside unquoted fields', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-csv-'));
    const loose = path.join(dir, 'loose.csv');
    fs.writeFileSync(loose, 'a,b\r\n1,5"6\r\n');
    const fields = [];
    for await (const record of csvRecords(loose, 'utf-8', () => undefined)) fields.push(record.fields);
    expect(fields).toEqual([
      ['a', 'b'],
      ['1', '5"6'],
    ]);
    const broken = path.join(dir, 'broken.csv');
    fs.writeFileSync(broken, 'a,b\r\n1,2\r\n3,"open\r\n4,5\r\n');
    const read = async () => {
      for await (const _record of csvRecords(broken, 'utf-8', () => undefined));
    };
    const error = await read().catch((e: unknown) => e);
    expect(csvErrorMessage(error)).toMatch(/3行目から始まる引用符/);
  });
});
