/** Photos of the report: shrunk on the phone before they are kept, at most MAX_PHOTOS, with previews. */
import { useEffect, useMemo, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDraft } from '../../drafts.ts';
import { MAX_PHOTOS, shrinkPhoto } from '../../photos.ts';
import type { Message } from './useSubmitReport.ts';

/** Object URLs for photo previews, revoked when the photos change. */
function usePreviews(photos: Blob[]): string[] {
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );
  return urls;
}

const NO_PHOTOS: Blob[] = [];

/** Previews, add (with a message when there are too many) and remove. */
export function usePhotos(
  draft: ReportDraft | null,
  setDraft: Dispatch<SetStateAction<ReportDraft | null>>,
  setMsg: (m: Message) => void,
) {
  const { t } = useTranslation();
  const photos = draft?.photos ?? NO_PHOTOS;
  const previews = usePreviews(photos);

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - photos.length;
    const picked = [...files].slice(0, Math.max(0, room));
    if (files.length > room) setMsg({ ok: false, text: t('cases.report.tooManyPhotos', { max: MAX_PHOTOS }) });
    const shrunk = await Promise.all(picked.map((f) => shrinkPhoto(f)));
    setDraft((d) => (d ? { ...d, photos: [...d.photos, ...shrunk].slice(0, MAX_PHOTOS) } : d));
  };

  const removePhoto = (i: number) => setDraft((d) => (d ? { ...d, photos: d.photos.filter((_, j) => j !== i) } : d));

  return { photos, previews, addPhotos, removePhoto };
}

/** What the photo step shows and does. */
export type Photos = ReturnType<typeof usePhotos>;
