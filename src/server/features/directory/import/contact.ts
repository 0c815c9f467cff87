// How to reach a service point: the URL column as it really is (sometimes an e-mail address, sometimes a
// phone number), phone numbers with their extension, and the 13-digit 法人番号.
import { codeText, type Row } from './row';

const EMAIL = /^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const PHONE = /^[\d()（）\-‐－ー−\s]+$/;

/** `email` is only there when the file says something about it (its own column, or the URL column). */
export type Contact = { url: string | null; email?: string | null };

/** The URL column, and the e-mail column when the layout has one. */
export function readWebContact(row: Row, urlColumn: string, emailColumn?: string): Contact {
  const email = emailColumn && row.has(emailColumn) ? { email: row.text(emailColumn) } : {};
  const written = row.text(urlColumn)?.normalize('NFKC') ?? null;
  if (written === null) return { url: null, ...email };
  if (EMAIL.test(written)) {
    row.repair('url_was_email');
    return { url: null, email: email.email ?? written.replace(/^mailto:/i, '') };
  }
  if (PHONE.test(written) && written.replace(/\D/g, '').length >= 9) {
    row.repair('url_was_phone');
    return { url: null, ...email };
  }
  if (/^https?:\/\/\S+$/i.test(written)) return { url: written, ...email };
  if (/^www\.\S+\.\S+$/i.test(written)) {
    row.repair('url_scheme_added');
    return { url: `http://${written}`, ...email };
  }
  row.repair('url_invalid');
  return { url: null, ...email };
}

/** A phone number as written (digits made half-width), with its 内線 when the file has one. */
export function readPhone(row: Row, column: string, extensionColumn?: string): string | null {
  const phone = row.text(column)?.normalize('NFKC') ?? null;
  const extension = extensionColumn ? row.text(extensionColumn)?.normalize('NFKC') : null;
  if (phone === null) return null;
  return extension ? `${phone} 内線${extension}` : phone;
}

export function readCorporateNumber(row: Row, column: string): string | null {
  const text = row.text(column);
  if (text === null) return null;
  const digits = codeText(text);
  if (/^\d{13}$/.test(digits)) return digits;
  row.repair('corporate_number_invalid');
  return null;
}
