/**
 * Photos taken on a phone are large (4–12 MB); before they are kept in the draft and uploaded they are scaled
 * down to ≤ 1600 px JPEG in the browser. The server re-encodes and strips EXIF anyway; when the browser cannot
 * decode a file (e.g. HEIC), the original goes up unchanged and the server decides.
 */

/** Longest side after scaling (matches the server's re-encoding). */
const MAX_SIDE = 1600;
/** At most this many photos per report. */
export const MAX_PHOTOS = 6;

/** A downscaled JPEG of `file`, or the file itself when it cannot be decoded here. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  if (typeof createImageBitmap !== 'function' || !file.type.startsWith('image/')) return file;
  try {
    const bmp = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
    if (scale === 1 && file.size < 1_500_000) {
      bmp.close();
      return file;
    }
    const w = Math.round(bmp.width * scale);
    const h = Math.round(bmp.height * scale);
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.getContext('2d')?.drawImage(bmp, 0, 0, w, h);
    bmp.close();
    const out = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.85));
    return out ?? file;
  } catch {
    return file;
  }
}
