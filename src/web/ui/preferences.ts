// Preferences remembered per browser (localStorage): large text, language, calendar style.
// A tiny external store so every component showing a preference re-renders when it changes.
import { useSyncExternalStore } from 'react';
import type { CalendarStyle } from '../../shared/dates';

export type Language = 'ja' | 'en';
export type Preferences = { largeText: boolean; language: Language; calendar: CalendarStyle };

const KEY = 'tsunagu.preferences';
const defaults: Preferences = { largeText: false, language: 'ja', calendar: 'wareki' };

function read(): Preferences {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
    return {
      largeText: stored.largeText === true,
      language: stored.language === 'en' ? 'en' : 'ja',
      calendar: stored.calendar === 'seireki' ? 'seireki' : 'wareki',
    };
  } catch {
    return defaults;
  }
}

let current: Preferences = typeof window === 'undefined' ? defaults : read();
const listeners = new Set<() => void>();

export function getPreferences(): Preferences {
  return current;
}

export function setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
  current = { ...current, [key]: value };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
  applyToDocument(current);
  for (const listener of listeners) listener();
}

export function subscribePreferences(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribePreferences, getPreferences, getPreferences);
}

/** Large text scales the root font size; everything in the UI is sized in rem, so it all grows. */
export function applyToDocument(preferences: Preferences = current): void {
  const root = document.documentElement;
  if (preferences.largeText) root.dataset.largeText = 'true';
  else delete root.dataset.largeText;
  root.lang = preferences.language;
}
