// What may be attached (添付): photos and PDF documents, told apart by their content. SVG and office
// files are not accepted: an SVG can carry script, and an office file is better sent as a PDF.
export const attachmentTypes = [
  { mediaType: 'image/jpeg', ext: 'jpg', image: true },
  { mediaType: 'image/png', ext: 'png', image: true },
  { mediaType: 'image/webp', ext: 'webp', image: true },
  { mediaType: 'application/pdf', ext: 'pdf', image: false },
] as const;
export type AttachmentMediaType = (typeof attachmentTypes)[number]['mediaType'];

export const isImageType = (mediaType: string) =>
  attachmentTypes.some((type) => type.mediaType === mediaType && type.image);

/** What the file picker offers (the server still checks the content). */
export const attachmentAccept = attachmentTypes.map((type) => type.mediaType).join(',');

/** Attachments of one post. */
export const MAX_ATTACHMENTS = 5;
/** The file name is sent URI-encoded in this header (never in the URL, which ends up in logs). */
export const FILE_NAME_HEADER = 'x-file-name';
