// Smallest real files of the kinds attachments take: a 1×1 PNG and a one-object PDF; and how to send one.
import type { TestClient } from './test-app';

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** Sends a file as the web client does: the raw body, its name URI-encoded in x-file-name. */
export const upload = (client: TestClient, url: string, body: Buffer, name?: string) =>
  client.request('POST', url, body, {
    'content-type': 'application/octet-stream',
    ...(name ? { 'x-file-name': encodeURIComponent(name) } : {}),
  });
