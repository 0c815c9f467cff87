// The kind of a service point as files write it: 介護 service-type codes (from the file name
// `jigyosho_110.csv`, or a column holding 「110」, 「110 訪問介護」 or just 「訪問介護」) and the four medical
// kinds (「病院」「診療所」「歯科診療所」「薬局」, or the words of the ナビイ file names).
import { serviceKinds } from '../../../../shared/directory';

export type ServiceChoice = { code: string; name: string | null };
export type MedicalKind = 'hospital' | 'clinic' | 'dental_clinic' | 'pharmacy';

/** Names compared without width, spaces and the part in brackets: 「介護老人福祉施設（特養）」 → 介護老人福祉施設. */
const nameKey = (name: string) =>
  name
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '');

const codeByName = new Map(
  serviceKinds.filter((kind) => /^\d{3}$/.test(kind.code)).map((kind) => [nameKey(kind.ja), kind.code]),
);

/** The 3-digit code in a file name such as `jigyosho_110.csv` or `jigyosho_110_all_20250630.csv`. */
export function serviceCodeOfFileName(fileName: string): string | null {
  return /jigyosho_(\d{3})(?:[_.]|$)/i.exec(fileName)?.[1] ?? null;
}

/** One service as a column writes it; null when neither a code nor a known name is there. */
export function serviceChoice(text: string): ServiceChoice | null {
  const normal = text.normalize('NFKC').trim();
  const code = /(?:^|\D)(\d{3})(?:\D|$)/.exec(normal)?.[1];
  const name = normal.replace(/\d{3}/, '').replace(/^[\s:：()（）]+|[\s:：()（）]+$/g, '') || null;
  if (code) return { code, name };
  const known = codeByName.get(nameKey(normal));
  return known ? { code: known, name: normal } : null;
}

/** 「訪問介護;通所介護」: one service point per service (the 事業所番号 is shared). */
export function serviceChoices(text: string): { choices: ServiceChoice[]; unknown: string[] } {
  const parts = text
    .split(/[;；、,，/／|]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const choices: ServiceChoice[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const choice = serviceChoice(part);
    if (choice) choices.push(choice);
    else unknown.push(part);
  }
  return { choices, unknown };
}

/** 「病院」「一般診療所」「歯科診療所」「薬局」 and the words of the ナビイ file names. */
export function medicalKindOf(text: string): MedicalKind | null {
  const normal = text.normalize('NFKC').toLowerCase();
  if (/歯科|dental/.test(normal)) return 'dental_clinic';
  if (/薬局|pharmacy/.test(normal)) return 'pharmacy';
  if (/病院|hospital/.test(normal)) return 'hospital';
  if (/診療所|クリニック|医院|医科|clinic/.test(normal)) return 'clinic';
  return null;
}

/** The 点数表 digit of a 10-digit 医療機関コード: 1 医科, 3 歯科, 4 薬局. */
export const pointTableDigit: Record<MedicalKind, string> = {
  hospital: '1',
  clinic: '1',
  dental_clinic: '3',
  pharmacy: '4',
};
