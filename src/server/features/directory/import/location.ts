// Where a service point is: its 全国地方公共団体コード (6 digits with the JIS check digit, repaired when
// the leading zero or the check digit was lost), its prefecture, and WGS84 coordinates (swapped ones
// put right; anything outside Japan left off the map rather than shown in the sea).
import { isMunicipalityCode, municipalityCheckDigit } from '../../../../shared/municipality';
import { codeText, numberOf, type Row } from './row';

/** JIS X 0401 order: index + 1 is the prefecture code. */
// biome-ignore format: ten to a line, in code order
export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

export function prefectureOfCode(code: string): string | null {
  return PREFECTURES[Number(code.slice(0, 2)) - 1] ?? null;
}

const withCheckDigit = (five: string) => five + String(municipalityCheckDigit(five));

/**
 * The 6-digit code from what a file wrote. `hint` (the prefecture name or the address) settles the one
 * ambiguous case: five digits not starting with 0 are either a code that lost its leading zero or one
 * without its check digit.
 */
export function repairMunicipalityCode(text: string, row: Row, hint: string): string | null {
  const code = codeText(text);
  if (!/^\d{4,6}$/.test(code)) return null;
  if (code.length === 6) return isMunicipalityCode(code) ? code : null;
  if (code.length === 4) {
    row.repair('municipality_leading_zero');
    row.repair('municipality_check_digit');
    return withCheckDigit(`0${code}`);
  }
  const padded = `0${code}`;
  const computed = withCheckDigit(code);
  const paddedFits = !code.startsWith('0') && isMunicipalityCode(padded);
  const fitsHint = (candidate: string) => {
    const prefecture = prefectureOfCode(candidate);
    return prefecture !== null && hint.includes(prefecture);
  };
  if (paddedFits && (fitsHint(padded) || !fitsHint(computed))) {
    row.repair('municipality_leading_zero');
    return padded;
  }
  row.repair('municipality_check_digit');
  return computed;
}

const inJapan = (lat: number, lon: number) => lat >= 20 && lat <= 46 && lon >= 122 && lon <= 154;

export type Coordinates = { latitude: number | null; longitude: number | null };
const none: Coordinates = { latitude: null, longitude: null };

export function readCoordinates(row: Row, latColumn: string, lonColumn: string): Coordinates {
  const latText = row.text(latColumn);
  const lonText = row.text(lonColumn);
  if (latText === null && lonText === null) return none;
  const lat = numberOf(latText ?? '');
  const lon = numberOf(lonText ?? '');
  if (Number.isNaN(lat) || Number.isNaN(lon)) {
    row.repair('coordinates_unreadable');
    return none;
  }
  if (inJapan(lat, lon)) return { latitude: lat, longitude: lon };
  if (inJapan(lon, lat)) {
    row.repair('coordinates_swapped');
    return { latitude: lon, longitude: lat };
  }
  row.repair('coordinates_outside');
  return none;
}
