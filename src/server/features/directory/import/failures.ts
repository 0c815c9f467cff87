// Why a run failed, in words the center staff can act on. Nothing is applied in any of these cases.
import { csvErrorMessage } from './csv-records';
import { HeaderError } from './header';

/** The file is no CSV text at all (an image, a ZIP, an Excel workbook). */
export class NotCsvError extends Error {}

/** All or nothing, and some rows were refused: the transaction rolls back. */
export class RefusedRowsError extends Error {
  constructor(readonly refused: number) {
    super(`${refused} rows refused`);
  }
}

export function failureMessage(error: unknown): string {
  if (error instanceof NotCsvError || error instanceof HeaderError) return error.message;
  if (error instanceof RefusedRowsError)
    return `${error.refused}行を取り込めなかったため、このファイルからは何も取り込んでいません（「すべてか無しか」で取り込みました）。下の一覧の行を直してからもう一度取り込むか、「正しい行だけ取り込む」を選んでください。`;
  const csv = csvErrorMessage(error);
  if (csv) return csv;
  const detail = error instanceof Error ? error.message : String(error);
  return `取り込みの途中でエラーが起きたため、何も取り込んでいません。時間をおいてもう一度お試しください。続くときはシステム管理者に次の内容を伝えてください: ${detail}`;
}
