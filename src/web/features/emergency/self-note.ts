// もしものときのメモ (/emergency-note): what a citizen without an account writes for themselves — the
// whole 救急医療情報 sheet and the wishes of a 人生会議 record — kept only in this browser
// (localStorage), and, when they choose, a text summary for their care team.
import { todayInJapan } from '../../../shared/dates';
import { acpRecord } from '../../../shared/forms/acp-record';
import { type FormDefinition, type FormValues, fieldsOf } from '../../../shared/forms/definition';
import { confirmationTiming, lastCheckedOn } from '../../../shared/schemas/emergency';
import { familyPostRequest } from '../../../shared/schemas/family';
import { shownValue } from '../../ui/FormSheet';

/** The parts of the 人生会議 record a person can write alone (not who took part, not the outcome). */
export const citizenAcpSectionKeys = ['values', 'place', 'treatment', 'surrogate'] as const;

/** The citizen's subset of the ACP record, its sections numbered again from 1. */
export function citizenAcpNote(title: string): FormDefinition {
  const keys: readonly string[] = citizenAcpSectionKeys;
  return {
    ...acpRecord,
    title,
    sections: acpRecord.sections
      .filter((section) => keys.includes(section.key))
      .map((section, index) => ({ ...section, title: section.title.replace(/^\d+\.\s*/, `${index + 1}. `) })),
  };
}

export const NOTE_STORAGE_KEY = 'tsunagu.emergencyNote.v1';

/** A note last written a year ago or more: time for its yearly check (forms.md §5), as for the team's. */
export const noteDueForCheck = (savedAt: string, today = todayInJapan()): boolean =>
  savedAt !== '' && confirmationTiming(lastCheckedOn(null, savedAt), today) === 'overdue';

export type StoredNote = { emergency: FormValues; acp: FormValues; savedAt: string };

const isValues = (value: unknown): value is FormValues =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What this browser keeps, or null (nothing kept, storage unavailable, or not readable). */
export function loadNote(storage: Storage = window.localStorage): StoredNote | null {
  try {
    const raw = storage.getItem(NOTE_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredNote>;
    if (!isValues(parsed.emergency) || !isValues(parsed.acp) || typeof parsed.savedAt !== 'string')
      return null;
    // A time that is not one (edited by hand) keeps the note, not the time: '' is shown as none.
    const savedAt = Number.isNaN(Date.parse(parsed.savedAt)) ? '' : parsed.savedAt;
    return { emergency: parsed.emergency, acp: parsed.acp, savedAt };
  } catch {
    return null;
  }
}

/** Keeps the note in this browser; false when the browser refuses (private mode, storage full). */
export function saveNote(note: StoredNote, storage: Storage = window.localStorage): boolean {
  try {
    storage.setItem(NOTE_STORAGE_KEY, JSON.stringify(note));
    return true;
  } catch {
    return false;
  }
}

export function eraseNote(storage: Storage = window.localStorage): void {
  try {
    storage.removeItem(NOTE_STORAGE_KEY);
  } catch {
    // Nothing could be kept either.
  }
}

/** "ラベル: 値" lines of the filled fields of one form, under its title; '' when nothing is filled. */
function filledLines(definition: FormDefinition, values: FormValues): string {
  const lines = fieldsOf(definition).flatMap((field) => {
    const shown = shownValue(field, values[field.key]).trim();
    return shown ? [`${field.label}: ${shown}`] : [];
  });
  return lines.length > 0 ? [`【${definition.title}】`, ...lines].join('\n') : '';
}

/**
 * The note as plain text for a care team's timeline: a heading, then each form's filled fields.
 * '' when nothing at all is filled in.
 */
export function noteSummary(heading: string, parts: { definition: FormDefinition; values: FormValues }[]) {
  const blocks = parts.map(({ definition, values }) => filledLines(definition, values)).filter(Boolean);
  return blocks.length > 0 ? [heading, ...blocks].join('\n\n') : '';
}

/** A family post holds at most this many characters (the server's schema says so). */
export const FAMILY_POST_MAX = familyPostRequest.shape.body.maxLength ?? 2000;
