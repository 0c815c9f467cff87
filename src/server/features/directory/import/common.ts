// The part every layout shares: name and reading, where the point is, how to reach it, who runs it.
// Each layout names its own columns for these (`CommonColumns`); the rules are the same for all.
import { readCorporateNumber, readPhone, readWebContact } from './contact';
import type { ImportedFields } from './fields';
import { prefectureOfCode, readCoordinates, repairMunicipalityCode } from './location';
import type { Row } from './row';

export type CommonColumns = {
  /** Tried in order: the location's code first, then the publisher's. */
  municipalityCode: readonly string[];
  /** When the code is made of several columns (医療情報ネット: 都道府県コード + 市区町村コード). */
  composeMunicipality?: (row: Row) => string | null;
  prefecture?: string;
  municipality?: string;
  name: readonly string[];
  kana?: string;
  /** A single address column, or the parts of one (2nd generation), joined when it is empty. */
  address: string;
  addressParts?: readonly string[];
  building?: string;
  latitude: string;
  longitude: string;
  phone?: string;
  extension?: string;
  fax?: string;
  email?: string;
  url?: string;
  corporateNumber?: string;
  corporateName?: string;
  note?: string;
};

export type Common = { fields: ImportedFields; municipalityCode: string };
export type Rejected = { rejection: string };
export const isRejected = (value: object): value is Rejected => 'rejection' in value;

function readAddress(row: Row, columns: CommonColumns): string {
  const whole = row.text(columns.address);
  if (whole !== null || !columns.addressParts) return whole ?? '';
  return columns.addressParts.map((part) => row.text(part) ?? '').join('');
}

function readMunicipality(row: Row, columns: CommonColumns, hint: string): string | Rejected {
  const written = columns.composeMunicipality?.(row) ?? row.text(...columns.municipalityCode);
  if (written === null)
    return {
      rejection: `全国地方公共団体コード（${columns.municipalityCode.join('・')}）がありません。`,
    };
  const code = repairMunicipalityCode(written, row, hint);
  if (code !== null) return code;
  return {
    rejection: `全国地方公共団体コード「${written}」が正しくありません。6桁（最後の1桁は検査数字）で入れてください。`,
  };
}

export function readCommon(row: Row, columns: CommonColumns): Common | Rejected {
  const name = row.text(...columns.name);
  if (name === null) return { rejection: `「${columns.name[0]}」の欄が空です。名称を入れてください。` };
  const address = readAddress(row, columns);
  const prefectureName = columns.prefecture ? row.text(columns.prefecture) : null;
  const municipalityCode = readMunicipality(row, columns, `${prefectureName ?? ''}${address}`);
  if (typeof municipalityCode !== 'string') return municipalityCode;
  // A layout writes only the fields it has columns for: what another file said about the rest stays.
  const fields: ImportedFields = {
    name,
    municipalityCode,
    prefecture: prefectureName ?? prefectureOfCode(municipalityCode),
    address,
    ...readCoordinates(row, columns.latitude, columns.longitude),
  };
  const has = (column: string | undefined): column is string => column !== undefined && row.has(column);
  if (has(columns.kana)) fields.kana = row.text(columns.kana)?.normalize('NFKC') ?? '';
  if (has(columns.municipality)) fields.municipality = row.text(columns.municipality);
  if (has(columns.building)) fields.building = row.text(columns.building);
  if (has(columns.phone)) fields.phone = readPhone(row, columns.phone, columns.extension);
  if (has(columns.fax)) fields.fax = readPhone(row, columns.fax);
  if (has(columns.url)) Object.assign(fields, readWebContact(row, columns.url, columns.email));
  if (has(columns.corporateNumber))
    fields.corporateNumber = readCorporateNumber(row, columns.corporateNumber);
  if (has(columns.corporateName)) fields.corporateName = row.text(columns.corporateName);
  if (has(columns.note)) fields.sourceNote = row.text(columns.note);
  return { municipalityCode, fields };
}
