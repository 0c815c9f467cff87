// What the importer repaired in a file, kind by kind: each kind has one message for people, a count,
// and the first lines where it happened (the run keeps this summary; data-formats.md asks that every
// repair be reported with its line).
import type { ImportRepair } from '../../../../shared/schemas/directory-import';

export const repairMessages = {
  placeholder_blank: '「-」や「0」だけの欄を、空欄（情報なし）として扱いました。',
  coordinates_swapped: '緯度と経度が入れ替わっていたため、入れ替えて取り込みました。',
  coordinates_unreadable: '緯度・経度が数値として読めないため、地図には表示しません。',
  coordinates_outside: '緯度・経度が日本の範囲外のため、地図には表示しません。',
  municipality_leading_zero: '全国地方公共団体コードの先頭の 0 が欠けていたため、補いました。',
  municipality_check_digit: '全国地方公共団体コードに検査数字（6桁目）がなかったため、計算して補いました。',
  office_number_leading_zero: '事業所番号の先頭の 0 が欠けていたため、補って10桁にしました。',
  medical_code_completed: '医療機関コードが7桁だったため、都道府県コードと点数表番号を補って10桁にしました。',
  url_was_email: 'URL 欄にメールアドレスが書かれていたため、メールアドレスとして取り込みました。',
  url_was_phone: 'URL 欄に電話番号が書かれていたため、URL としては取り込みませんでした。',
  url_scheme_added: 'URL に「http://」がなかったため、補いました。',
  url_invalid: 'URL 欄の内容がアドレスとして読めないため、取り込みませんでした。',
  capacity_not_applicable: '定員「0」は「該当なし」として空欄にしました（訪問サービスなど）。',
  capacity_unreadable: '定員が数値として読めないため、空欄にしました。',
  beds_unreadable: '病床数が数値として読めないため、空欄にしました。',
  corporate_number_invalid: '法人番号が13桁の数字でないため、空欄にしました。',
  unknown_service_code:
    'つなぐの一覧にないサービス種類コードのため、ファイルに書かれた名称のまま取り込みました。',
  withdrawal_skipped:
    '取り込めなかった行があるため、ファイルにない事業所を「廃止」とする判定は行いませんでした。',
} as const;
export type RepairCode = keyof typeof repairMessages;

const LINES_KEPT = 50;

export class RepairLog {
  private readonly byCode = new Map<RepairCode, { count: number; lines: number[] }>();

  add(code: RepairCode, line: number): void {
    const entry = this.byCode.get(code) ?? { count: 0, lines: [] };
    entry.count++;
    if (entry.lines.length < LINES_KEPT) entry.lines.push(line);
    this.byCode.set(code, entry);
  }

  /** Something about the file as a whole, not a line. */
  note(code: RepairCode): void {
    this.byCode.set(code, { count: 1, lines: [] });
  }

  addAll(codes: readonly RepairCode[], line: number): void {
    for (const code of new Set(codes)) this.add(code, line);
  }

  summary(): ImportRepair[] {
    return [...this.byCode].map(([code, { count, lines }]) => ({
      code,
      message: repairMessages[code],
      count,
      lines,
    }));
  }
}
