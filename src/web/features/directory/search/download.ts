// Downloads a file from the API (the CSV export) so that a refusal shows as a message on the page
// rather than as a JSON page: fetch, then save the body under the name the server gave.
import { ApiError, toApiError } from '../../../api';
import i18n from '../../../i18n';

/** The file name of a Content-Disposition header, preferring the RFC 5987 (UTF-8) one. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** Fetches `path` and hands it to the browser as a download; resolves to the file's name. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
