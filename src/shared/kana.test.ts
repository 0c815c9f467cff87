import { describe, expect, it } from 'vitest';
import { hiraganaToKatakana, readingKey } from './kana';

describe('kana', () => {
  it('turns hiragana into katakana and leaves the rest', () => {
    expect(hiraganaToKatakana('きたむら こずえ')).toBe('キタムラ コズエ');
    expect(hiraganaToKatakana('ゔぁ・ー 北村 ABC')).toBe('ヴァ・ー 北村 ABC');
  });
  it('makes a reading key from whatever script and spacing is typed', () => {
    for (const typed of ['きたむら こずえ', 'キタムラコズエ', 'ｷﾀﾑﾗ ｺｽﾞｴ', 'キタムラ　コズエ']) {
      expect(readingKey(typed)).toBe('キタムラコズエ');
    }
  });
});
