/**
 * Photo intake: refuse non-images and oversize files, read the EXIF GPS position, then re-encode to JPEG
 * (auto-rotated, longest side capped) — re-encoding drops every metadata block, EXIF GPS included.
 */
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../platform/errors.ts';
import { exifGps } from './exif.ts';

/** An uploaded file as received. */
export interface RawPhoto {
  filename: string;
  data: Buffer;
}
/** A processed photo ready to store. */
export interface Photo {
  mime: 'image/jpeg';
  width: number;
  height: number;
  data: Buffer;
  gps: { lon: number; lat: number } | null;
}

const FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'avif', 'tiff', 'gif']);

/** Processes photos in order; throws PHOTO_TOO_LARGE / PHOTO_NOT_IMAGE / CASE_TOO_MANY_PHOTOS. */
export async function processPhotos(
  files: RawPhoto[],
  o: { maxPhotos: number; maxPhotoBytes: number; photoMaxSide: number },
): Promise<Photo[]> {
  if (files.length > o.maxPhotos) throw new AppError('CASE_TOO_MANY_PHOTOS', { params: { max: o.maxPhotos } });
  const out: Photo[] = [];
  for (const f of files) {
    const name = f.filename.slice(0, 80);
    if (f.data.length > o.maxPhotoBytes)
      throw new AppError('PHOTO_TOO_LARGE', { params: { name, mb: Math.round(o.maxPhotoBytes / 1048576) } });
    let meta: Metadata;
    try {
      meta = await sharp(f.data, { limitInputPixels: 50_000_000 }).metadata();
    } catch {
      throw new AppError('PHOTO_NOT_IMAGE', { params: { name } });
    }
    if (!meta.format || !FORMATS.has(meta.format)) throw new AppError('PHOTO_NOT_IMAGE', { params: { name } });
    try {
      const { data, info } = await sharp(f.data, { limitInputPixels: 50_000_000 })
        .rotate()
        .resize({ width: o.photoMaxSide, height: o.photoMaxSide, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      out.push({ mime: 'image/jpeg', width: info.width, height: info.height, data, gps: exifGps(meta.exif) });
    } catch {
      throw new AppError('PHOTO_NOT_IMAGE', { params: { name } });
    }
  }
  return out;
}
