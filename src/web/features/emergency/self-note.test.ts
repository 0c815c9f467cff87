import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../../shared/forms/definition';
import { emergencyInfoSheet } from '../../../shared/forms/emergency-info-sheet';
import {
  citizenAcpNote,
  loadNote,
  NOTE_STORAGE_KEY,
  noteDueForCheck,
  noteSummary,
  saveNote,
} from './self-note';

/** A Storage over a Map, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => items.delete(key),
    setItem: (key, value) => items.set(key, String(value)),
  };
}

describe('citizenAcpNote', () => {
  it('keeps the sections a person writes alone, numbered from 1', () => {
    const note = citizenAcpNote('もしものときの希望');
    expect(note.sections.map((section) => section.key)).toEqual([
      'values',
      'place',
      'treatment',
      'surrogate',
    ]);
    expect(note.sections.map((section) => section.title)).toEqual([
      '1. 大切にしていること',
      '2. 過ごしたい場所',
      '3. 医療についての希望',
      '4. 代わりに決めてほしい人',
    ]);
    expect(fieldsOf(note).map((field) => field.key)).not.toContain('discussedOn');
  });
});

describe('the note in the browser', () => {
  it('is read back as it was kept, and anything unreadable is no note', () => {
    const storage = memoryStorage();
    expect(loadNote(storage)).toBeNull();
    const note = {
      emergency: { name: '冬野 ゆき' },
      acp: { cpr: '希望しない' },
      savedAt: '2026-12-01T00:00:00Z',
    };
    expect(saveNote(note, storage)).toBe(true);
    expect(loadNote(storage)).toEqual(note);
    storage.setItem(NOTE_STORAGE_KEY, '{not json');
    expect(loadNote(storage)).toBeNull();
    storage.setItem(NOTE_STORAGE_KEY, JSON.stringify({ emergency: [], acp: {}, savedAt: '' }));
    expect(loadNote(storage)).toBeNull();
  });
});

describe('noteSummary', () => {
  const acp = citizenAcpNote('もしものときの希望');

  it('lists only the filled fields as "label: value" under each form', () => {
    const text = noteSummary('もしものときのメモ', [
      {
        definition: emergencyInfoSheet,
        values: { name: '冬野 ゆき', bloodType: 'O', livesAlone: true, kana: ' ' },
      },
      { definition: acp, values: { cpr: '希望しない', devices: [] } },
    ]);
    expect(text).toBe(
      [
        'もしものときのメモ',
        '',
        '【救急医療情報】',
        '氏名: 冬野 ゆき',
        '血液型: O',
        'ひとり暮らし: あり',
        '',
        '【もしものときの希望】',
        '心肺蘇生（心臓マッサージなど）: 希望しない',
      ].join('\n'),
    );
  });

  it('is empty when nothing is filled in', () => {
    expect(noteSummary('もしものときのメモ', [{ definition: acp, values: {} }])).toBe('');
  });
});

describe('the yearly check of a note', () => {
  it('is due the day after a year has passed since it was last written (the day in Japan)', () => {
    expect(noteDueForCheck('2025-11-30T15:00:00Z', '2026-12-02')).toBe(true); // 2025-12-01 in Japan
    expect(noteDueForCheck('2025-12-01T15:00:00Z', '2026-12-02')).toBe(false); // 2025-12-02: due today
    expect(noteDueForCheck('2026-06-01T00:00:00Z', '2026-12-02')).toBe(false);
  });

  it('keeps a note whose time is not one, without a time (nothing to check against)', () => {
    const fake = memoryStorage();
    fake.setItem(
      NOTE_STORAGE_KEY,
      JSON.stringify({ emergency: { name: '春野' }, acp: {}, savedAt: 'yesterday' }),
    );
    expect(loadNote(fake)).toEqual({ emergency: { name: '春野' }, acp: {}, savedAt: '' });
    expect(noteDueForCheck('')).toBe(false);
  });
});
