// Sends one chosen file to an upload route (raw body, name in a header), photos made smaller first.
import { FILE_NAME_HEADER } from '../../shared/files';
import type { StoredFile } from '../../shared/schemas/files';
import { upload } from '../api';
import { shrinkPhoto } from './shrink-photo';

export async function uploadFile(url: string, chosen: File): Promise<StoredFile> {
  const file = await shrinkPhoto(chosen);
  return upload<StoredFile>(url, file, { [FILE_NAME_HEADER]: encodeURIComponent(file.name) });
}
