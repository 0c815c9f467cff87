// Kana helpers for matching what people type against stored フリガナ (katakana).

/** ひらがな → カタカナ (the two blocks are 0x60 apart); everything else unchanged. */
export function hiraganaToKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** A typed reading, compared with stored kana: NFKC (half-width kana → full), katakana, no spaces. */
export function readingKey(text: string): string {
  return hiraganaToKatakana(text.normalize('NFKC')).replace(/[\s\u3000]/g, '');
}
