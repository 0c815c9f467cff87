// Text as the directory search sees it: one form for kanji, hiragana, katakana, half and full width,
// and the character bigrams of that form (ENGINEERING.md, "Japanese text"). PGlite ships neither
// pg_bigm nor pgroonga, so the bigrams are computed here and indexed as integers (GIN on int4[]).

/** NFKC, lower case, katakana folded to hiragana, 「ヶ」 to 「け」, no spaces or punctuation. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\u3095\u3096]/g, (c) => (c === '\u3095' ? 'か' : 'け'))
    .replace(/[\s\p{P}\p{S}]/gu, (c) => (c === 'ー' ? c : ''));
}

/** The query split into terms (by spaces, as people type 「谷山 訪問看護」), each normalised. */
export function searchTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/\s+/)
    .map(normalizeForSearch)
    .filter((term) => term.length > 0);
}

/** A pair of UTF-16 code units as one 32-bit integer (signed, as PostgreSQL's int4 stores it). */
export function bigramCode(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1) | 0;
}

/**
 * The bigrams of a normalised text. A one-character term has none: it is matched by scanning
 * (see the directory search), since a single kanji such as 「愛」 is a word of its own.
 */
export function bigramsOf(normalised: string): number[] {
  const codes = new Set<number>();
  for (let i = 0; i + 1 < normalised.length; i++) codes.add(bigramCode(normalised, i));
  return [...codes];
}
