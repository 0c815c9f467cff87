// Files uploaded for a patient: the answer of an upload and how a post or consent lists them.
import { z } from 'zod';
import { MAX_ATTACHMENTS } from '../files';
import { idSchema } from './common';

export const storedFile = z.object({
  id: idSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type StoredFile = z.infer<typeof storedFile>;

export const attachmentIds = z
  .array(idSchema)
  .max(MAX_ATTACHMENTS, { error: `添付できるファイルは${MAX_ATTACHMENTS}つまでです` })
  .refine((ids) => new Set(ids).size === ids.length, { error: '同じファイルが重複しています' });
