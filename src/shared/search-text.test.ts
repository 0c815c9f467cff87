import { describe, expect, it } from 'vitest';
import { bigramsOf, normalizeForSearch, searchTerms } from './search-text';

describe('normalizeForSearch', () => {
  it('makes kanji, hiragana, katakana and half/full width comparable', () => {
    expect(normalizeForSearch('ホウモンカンゴ')).toBe('ほうもんかんご');
    expect(normalizeForSearch('ﾎｳﾓﾝｶﾝｺﾞ')).toBe('ほうもんかんご');
    expect(normalizeForSearch('ＡＢＣ　訪問看護・ステーション')).toBe('abc訪問看護すてーしょん');
    expect(normalizeForSearch('緑ヶ丘')).toBe(normalizeForSearch('緑ケ丘'));
    expect(normalizeForSearch('１丁目２番')).toBe('1丁目2番');
  });

  it('keeps the long-vowel mark, which is part of the word', () => {
    expect(normalizeForSearch('ケアセンター')).toBe('けあせんたー');
  });
});

describe('searchTerms and bigramsOf', () => {
  it('splits on any kind of space and drops empty terms', () => {
    expect(searchTerms(' 谷山　 訪問看護 ')).toEqual(['谷山', '訪問看護']);
    expect(searchTerms('・・')).toEqual([]);
  });

  it('gives each distinct pair of characters once', () => {
    expect(bigramsOf('ひまわり')).toHaveLength(3);
    expect(bigramsOf('ままま')).toHaveLength(1);
    expect(bigramsOf('愛')).toEqual([]);
  });
});

describe('normalizeForSearch, character by character', () => {
  // The rule written as plain regular expressions: the one-pass version must agree on every character.
  const reference = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
      .replace(/[\u3095\u3096]/g, (c) => (c === '\u3095' ? 'か' : 'け'))
      .replace(/[\s\p{P}\p{S}]/gu, (c) => (c === 'ー' ? c : ''));

  it('agrees with the plain rule on every character of the Basic Multilingual Plane', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `あ${String.fromCharCode(code)}カ`;
      if (normalizeForSearch(text) !== reference(text)) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
    for (const text of ['𠮷野家', 'ｶﾞｯｺｳ、(株)ＡＢＣ　ケア ヶ月 ー・～', '①②ⅢⅣ㈱'])
      expect(normalizeForSearch(text)).toBe(reference(text));
  });
});
