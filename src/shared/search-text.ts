// Text as the directory search sees it: one form for kanji, hiragana, katakana, half and full width,
// and the character bigrams of that form (ENGINEERING.md, "Japanese text"). PGlite ships neither
// pg_bigm nor pgroonga, so the bigrams are computed here and indexed as integers (GIN on int4[]).

const dropped = /[\s\p{P}\p{S}]/u;

/** What a character of NFKC text becomes: null kept as it is, '' dropped, else its replacement. */
function fold(code: number, char: string): string | null {
  if (code >= 0x30a1 && code <= 0x30f6) {
    // Katakana to hiragana; ヵ and ヶ (small ka, ke) as the letters people read them as: か, け.
    if (code === 0x30f5) return 'か';
    if (code === 0x30f6) return 'け';
    return String.fromCharCode(code - 0x60);
  }
  if (code === 0x3095) return 'か';
  if (code === 0x3096) return 'け';
  // Letters that are never punctuation or symbols: hiragana, 「ー」, kanji, ASCII letters and digits.
  if ((code >= 0x3041 && code <= 0x3094) || code === 0x30fc) return null;
  if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)) return null;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return null;
  return dropped.test(char) ? '' : null;
}

/**
 * NFKC, lower case, katakana folded to hiragana, 「ヶ」 to 「け」, no spaces or punctuation (「ー」 is
 * kept: it is part of the word). One pass over the characters: imports normalise millions of texts.
 */
export function normalizeForSearch(text: string): string {
  const normal = text.normalize('NFKC').toLowerCase();
  let out = '';
  let kept = 0;
  for (let i = 0; i < normal.length; i++) {
    const replacement = fold(normal.charCodeAt(i), normal[i] as string);
    if (replacement === null) continue;
    out += normal.slice(kept, i) + replacement;
    kept = i + 1;
  }
  return kept === 0 ? normal : out + normal.slice(kept);
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
