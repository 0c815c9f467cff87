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
