// Every file layout the importer reads (data-formats.md §1–3): the columns that identify it (all
// required ones must be in the header; any other column is ignored) and how its columns map onto the
// shared readers. A layout is one entry here, not code.
import type { ImportLayoutId } from '../../../../shared/schemas/directory-import';
import type { CommonColumns } from './common';
import type { RowOutcome } from './fields';
import type { FileContext } from './file-context';
import { dayColumns } from './hours';
import { type KaigoColumns, mapKaigoRow } from './map-kaigo';
import { type MedicalColumns, mapMedicalRow } from './map-medical';
import { mapNaviiRow, naviiMunicipality } from './map-navii';
import type { Row } from './row';

type LayoutBase = {
  id: ImportLayoutId;
  label: string;
  scheme: 'kaigo' | 'medical';
  /** Each entry one column, or alternatives of which one is enough. */
  required: readonly (string | readonly string[])[];
};
export type RowMapper = (row: Row, file: FileContext) => RowOutcome;
/**
 * `points`: rows are service points, mapped one by one (the mapper is built once per file, from its
 * header). `hours`: rows update points already imported (speciality_hours; see hours-file.ts).
 */
export type Layout =
  | (LayoutBase & { kind: 'points'; mapper: (header: readonly string[]) => RowMapper })
  | (LayoutBase & { kind: 'hours' });

const cityV1 = {
  municipalityCode: ['都道府県コード又は市区町村コード', '都道府県コード又は市町村コード'],
  prefecture: '都道府県名',
  municipality: '市区町村名',
  address: '住所',
  building: '方書',
  latitude: '緯度',
  longitude: '経度',
  phone: '電話番号',
  extension: '内線番号',
  fax: 'FAX番号',
  corporateNumber: '法人番号',
  corporateName: '法人の名称',
  url: 'URL',
  note: '備考',
} satisfies Partial<CommonColumns>;

const cityV2 = {
  municipalityCode: ['所在地_全国地方公共団体コード', '全国地方公共団体コード'],
  prefecture: '所在地_都道府県',
  municipality: '所在地_市区町村',
  address: '所在地_連結表記',
  addressParts: ['所在地_都道府県', '所在地_市区町村', '所在地_町字', '所在地_番地以下'],
  building: '建物名等(方書)',
  latitude: '緯度',
  longitude: '経度',
  phone: '電話番号',
  extension: '内線番号',
  fax: 'FAX番号',
  email: '連絡先メールアドレス',
  corporateNumber: '法人番号',
  corporateName: '法人の名称',
  url: 'URL',
  note: '備考',
} satisfies Partial<CommonColumns>;
const v2Address = ['所在地_連結表記', '所在地_番地以下'] as const;

const kaigoKouhyou: KaigoColumns = {
  ...cityV1,
  name: ['事業所名'],
  kana: '事業所名カナ',
  building: '方書（ビル名等）',
  service: 'サービスの種類',
  officeNumber: '事業所番号',
  weekdays: '利用可能曜日',
  weekdaysNote: '利用可能曜日特記事項',
  capacity: '定員',
};
const careV1: KaigoColumns = {
  ...cityV1,
  name: ['介護サービス事業所名称'],
  kana: '介護サービス事業所名称_カナ',
  service: '実施サービス',
  officeNumber: '事業所番号',
  weekdays: '利用可能曜日',
  weekdaysNote: '利用可能曜日特記事項',
  capacity: '定員',
};
const careV2: KaigoColumns = {
  ...careV1,
  ...cityV2,
  name: ['介護サービス事業所名称', '名称'],
  kana: '名称_カナ',
};
const medicalV1: MedicalColumns = {
  ...cityV1,
  name: ['名称'],
  kana: '名称_カナ',
  kind: '医療機関の種類',
  code: '医療機関コード',
  departments: '診療科目',
  beds: '病床数',
  weekdays: '診療曜日',
  opens: '診療開始時間',
  closes: '診療終了時間',
  hoursNote: '診療日時特記事項',
  afterHours: '時間外における対応',
};
const medicalV2: MedicalColumns = { ...medicalV1, ...cityV2, name: ['名称'] };

const navii = {
  municipalityCode: ['都道府県コード', '市区町村コード'],
  composeMunicipality: naviiMunicipality,
  address: '所在地',
  latitude: '所在地座標（緯度）',
  longitude: '所在地座標（経度）',
  url: '案内用ホームページアドレス',
} satisfies Partial<CommonColumns>;

const kaigo = (columns: KaigoColumns) => (): RowMapper => (row, file) => mapKaigoRow(row, columns, file);
const medical = (columns: MedicalColumns) => (): RowMapper => (row) => mapMedicalRow(row, columns);

export const layouts: readonly Layout[] = [
  {
    id: 'kaigo_kouhyou',
    label: '介護サービス情報公表システムのオープンデータ',
    scheme: 'kaigo',
    required: [cityV1.municipalityCode, '事業所名', '事業所名カナ', 'サービスの種類', '住所', '事業所番号'],
    kind: 'points',
    mapper: kaigo(kaigoKouhyou),
  },
  {
    id: 'city_care_v1',
    label: '介護サービス事業所一覧（自治体標準オープンデータセット・第1版）',
    scheme: 'kaigo',
    required: [cityV1.municipalityCode, '介護サービス事業所名称', '実施サービス', '住所', '事業所番号'],
    kind: 'points',
    mapper: kaigo(careV1),
  },
  {
    id: 'city_care_v2',
    label: '介護サービス事業所一覧（自治体標準オープンデータセット・第2版）',
    scheme: 'kaigo',
    required: ['全国地方公共団体コード', 'ID', '名称', '実施サービス', '事業所番号', v2Address],
    kind: 'points',
    mapper: kaigo(careV2),
  },
  {
    id: 'city_medical_v1',
    label: '医療機関一覧（自治体標準オープンデータセット・第1版）',
    scheme: 'medical',
    required: [cityV1.municipalityCode, '名称', '医療機関の種類', '住所', '医療機関コード'],
    kind: 'points',
    mapper: medical(medicalV1),
  },
  {
    id: 'city_medical_v2',
    label: '医療機関一覧（自治体標準オープンデータセット・第2版）',
    scheme: 'medical',
    required: ['全国地方公共団体コード', 'ID', '名称', '医療機関の種類', '医療機関コード', v2Address],
    kind: 'points',
    mapper: medical(medicalV2),
  },
  {
    id: 'navii_facility',
    label: '医療情報ネット（ナビイ）の施設情報（facility_info）',
    scheme: 'medical',
    required: ['ID', '正式名称', '都道府県コード', '市区町村コード', '所在地'],
    kind: 'points',
    mapper: () => {
      // Hours come from the speciality_hours file: this one leaves them alone (dayColumns empty).
      const columns = {
        ...navii,
        name: ['正式名称'],
        kana: '正式名称（フリガナ）',
        kind: '機関区分',
        beds: '合計病床数',
        dayColumns: [],
      };
      return (row, file) => mapNaviiRow(row, columns, file);
    },
  },
  {
    id: 'navii_pharmacy',
    label: '医療情報ネット（ナビイ）の薬局',
    scheme: 'medical',
    required: ['ID', '名称', 'フリガナ', '都道府県コード', '市区町村コード', '所在地'],
    kind: 'points',
    mapper: (header) => {
      const columns = { ...navii, name: ['名称'], kana: 'フリガナ', dayColumns: dayColumns(header) };
      return (row, file) => mapNaviiRow(row, columns, { ...file, medicalKind: 'pharmacy' });
    },
  },
  {
    id: 'navii_speciality_hours',
    label: '医療情報ネット（ナビイ）の診療科目・診療時間（speciality_hours）',
    scheme: 'medical',
    required: ['ID', '診療科目名', '月_診療開始時間', '月_診療終了時間'],
    kind: 'hours',
  },
];

export const layoutById = new Map(layouts.map((layout) => [layout.id, layout]));
