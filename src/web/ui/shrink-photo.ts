// Photos from a phone are 3–8 MB and carry the place they were taken (EXIF GPS: the patient's home).
// Before a photo is sent it is drawn again on a canvas: at most 2000 px on its longer side, as JPEG,
// without any of its metadata. Anything the browser cannot draw is sent as it is.
const MAX_SIDE = 2000;
const QUALITY = 0.85;
/** Other kinds of picture (screenshots: PNG, WebP) are redrawn only when larger than this. */
const REDRAW_ABOVE = 1_500_000;

export async function shrinkPhoto(file: File): Promise<File> {
  const photo = file.type === 'image/jpeg';
  const picture = file.type === 'image/png' || file.type === 'image/webp';
  if (!photo && !(picture && file.size > REDRAW_ABOVE)) return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob) return file;
    return new File([blob], `${file.name.replace(/\.[^.]*$/, '')}.jpg`, { type: 'image/jpeg' });
  } catch {
    return file;
  }
}
