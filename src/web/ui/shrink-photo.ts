// Photos from a phone are 3–8 MB and carry the place they were taken (EXIF GPS: the patient's home);
// screenshots can carry it too. Before a picture is sent it is drawn again on a canvas, which keeps
// none of its metadata: at most 2000 px on its longer side; a photo as JPEG, a smaller screenshot
// (PNG, WebP) as PNG so that its text stays sharp. Anything the browser cannot draw is sent as it is
// (the server still checks its type).
const MAX_SIDE = 2000;
const QUALITY = 0.85;
/** Pictures other than photos up to this size stay lossless (PNG). */
const LOSSLESS_UP_TO = 1_500_000;
const PICTURES = ['image/jpeg', 'image/png', 'image/webp'];

export async function shrinkPhoto(file: File): Promise<File> {
  if (!PICTURES.includes(file.type)) return file;
  const lossless = file.type !== 'image/jpeg' && file.size <= LOSSLESS_UP_TO;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const type = lossless ? 'image/png' : 'image/jpeg';
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, QUALITY));
    if (!blob) return file;
    const name = `${file.name.replace(/\.[^.]*$/, '')}.${lossless ? 'png' : 'jpg'}`;
    return new File([blob], name, { type });
  } catch {
    return file;
  }
}
