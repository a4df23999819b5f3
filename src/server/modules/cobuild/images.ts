/** Evidence images (photos, canvas signatures) arrive as data URLs; only real PNG or JPEG bytes are kept. */
import { AppError } from '../../platform/errors.ts';

/** Largest decoded image (bytes): a request body is at most 1 MB and base64 adds a third. */
const MAX_IMAGE_BYTES = 600 * 1024;

/** Decodes `data:image/png;base64,…` (or jpeg); throws COBUILD_BAD_IMAGE unless the bytes are that image type. */
export function decodeImage(dataUrl: string): { mime: 'image/png' | 'image/jpeg'; bytes: Buffer } {
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  const bad = () => new AppError('COBUILD_BAD_IMAGE', { params: { kb: MAX_IMAGE_BYTES / 1024 } });
  if (!m) throw bad();
  const mime = m[1] as 'image/png' | 'image/jpeg';
  const bytes = Buffer.from(m[2]!, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) throw bad();
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if ((mime === 'image/png' && !png) || (mime === 'image/jpeg' && !jpeg)) throw bad();
  return { mime, bytes };
}
