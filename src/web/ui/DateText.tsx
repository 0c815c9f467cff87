import { formatDate, formatDateBoth, formatDateTime } from '../../shared/dates';
import { usePreferences } from './preferences';

type Props = {
  value: string | Date | null | undefined;
  /** Show the time of day as well. */
  time?: boolean;
  /** Both calendars, 令和7年5月1日（2025年）. */
  both?: boolean;
  fallback?: string;
};

/** A date in the reader's chosen calendar (和暦 by default, 西暦 as an option). */
export function DateText({ value, time = false, both = false, fallback = '' }: Props) {
  const { calendar } = usePreferences();
  if (!value) return <>{fallback}</>;
  const text = both
    ? formatDateBoth(value)
    : time
      ? formatDateTime(value, calendar)
      : formatDate(value, calendar);
  if (!text) return <>{fallback}</>;
  const iso = value instanceof Date ? value.toISOString() : value;
  return <time dateTime={iso}>{text}</time>;
}

/** The same as text, for places that need a string (aria-labels, messages). */
export function useDateFormatter() {
  const { calendar } = usePreferences();
  return {
    date: (value: string | Date) => formatDate(value, calendar),
    dateTime: (value: string | Date) => formatDateTime(value, calendar),
  };
}
