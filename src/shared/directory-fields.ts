// The names of a service point's fields as people read them: in the approval queue's before → after,
// in the history of versions, and in the server's messages (「「名称」の変更はすでに申請中です」).
import { type Labelled, labelOf } from './labelled';

export const directoryFieldLabels = [
  // Waiting for the center's approval.
  { code: 'officialCode', ja: '事業所番号・医療機関コード', en: 'Official code' },
  { code: 'serviceCode', ja: 'サービスの種別', en: 'Kind of service' },
  { code: 'name', ja: '名称', en: 'Name' },
  { code: 'kana', ja: 'フリガナ', en: 'Reading (kana)' },
  { code: 'address', ja: '所在地', en: 'Address' },
  { code: 'building', ja: '建物名', en: 'Building' },
  { code: 'municipalityCode', ja: '市区町村コード', en: 'Municipality code' },
  { code: 'areaId', ja: '地域', en: 'Area' },
  { code: 'latitude', ja: '緯度', en: 'Latitude' },
  { code: 'longitude', ja: '経度', en: 'Longitude' },
  // Published at once.
  { code: 'vacancy', ja: '空きの数', en: 'Vacancies' },
  { code: 'capacity', ja: '定員', en: 'Capacity' },
  { code: 'capabilities', ja: '対応内容', en: 'Capabilities' },
  { code: 'procedures', ja: '受け入れ可能な医療的ケア', en: 'Medical procedures accepted' },
  { code: 'languages', ja: '対応言語', en: 'Languages' },
  { code: 'notes', ja: 'お知らせ・備考', en: 'Notes' },
  { code: 'phone', ja: '電話番号', en: 'Phone' },
  { code: 'fax', ja: 'FAX番号', en: 'Fax' },
  { code: 'url', ja: 'ホームページ', en: 'Website' },
  { code: 'email', ja: 'メールアドレス', en: 'E-mail' },
  { code: 'hours', ja: '営業時間', en: 'Hours' },
  { code: 'hoursNote', ja: '営業時間の補足', en: 'Note on hours' },
  { code: 'openWeekdays', ja: '営業日', en: 'Open days' },
  {
    code: 'careManagerTimePublic',
    ja: 'ケアマネタイムの一般公開',
    en: 'Care-manager time shown to the public',
  },
  { code: 'careManagerTimes', ja: 'ケアマネタイム', en: 'Care-manager time' },
  { code: 'maintainedAt', ja: '内容の確認日', en: 'Confirmed on' },
] as const satisfies readonly Labelled<string>[];

/** 「名称」「所在地」 for a list of field names, as the server's messages quote them. */
export function quoteFieldNames(fields: readonly string[]): string {
  return fields.map((field) => `「${labelOf(directoryFieldLabels, field)}」`).join('');
}

/** Where a version came from, in the history list. */
export const versionSources = [
  { code: 'edit', ja: '変更（すぐに公開）', en: 'Edited (published at once)' },
  { code: 'confirm', ja: '内容を確認', en: 'Confirmed as current' },
  { code: 'approval', ja: '申請の承認', en: 'Approved request' },
  { code: 'import', ja: 'オープンデータの取り込み', en: 'Open-data import' },
  { code: 'create', ja: '新規登録', en: 'Created' },
] as const satisfies readonly Labelled<string>[];

export const changeRequestStatuses = [
  { code: 'pending', ja: '承認待ち', en: 'Waiting for approval' },
  { code: 'approved', ja: '承認されました', en: 'Approved' },
  { code: 'rejected', ja: '差し戻されました', en: 'Returned' },
  { code: 'withdrawn', ja: '取り下げました', en: 'Withdrawn' },
] as const satisfies readonly Labelled<string>[];
