// A code with its Japanese and English names: the shape of every shared code list. No Zod here, so
// the web client can show labels without loading it.
export type Labelled<Code extends string> = { code: Code; ja: string; en: string };

/** Label of a code in one of the lists, in the given language (falls back to the code). */
export function labelOf(list: readonly Labelled<string>[], code: string, lang: 'ja' | 'en' = 'ja'): string {
  return list.find((item) => item.code === code)?.[lang] ?? code;
}

type Codes<T extends readonly { code: string }[]> = T[number]['code'];

/** The codes of a list, typed as a non-empty tuple: what z.enum takes. */
export const codesOf = <T extends readonly { code: string }[]>(list: T) =>
  list.map((item) => item.code) as [Codes<T>, ...Codes<T>[]];
