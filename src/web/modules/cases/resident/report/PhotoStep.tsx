/** The photo card: thumbnails with a remove button each, and "add photo" (camera first) while there is room. */
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS } from '../../photos.ts';
import type { Photos } from './usePhotos.ts';

/** Props: the photo state from usePhotos. */
export function PhotoStep({ photos: { photos, previews, addPhotos, removePhoto } }: { photos: Photos }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="photo-title">
      <h2 id="photo-title">{t('cases.report.photos', { n: photos.length, max: MAX_PHOTOS })}</h2>
      {previews.length > 0 && (
        <ul className="c-thumbs">
          {previews.map((u, i) => (
            <li key={u}>
              <img src={u} alt={t('cases.report.photoN', { n: i + 1 })} />
              <button
                type="button"
                className="btn c-thumb-x"
                aria-label={t('cases.report.removePhoto', { n: i + 1 })}
                onClick={() => removePhoto(i)}
              >
                ✕ {t('cases.report.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.length < MAX_PHOTOS && (
        <label className="btn btn-block c-photo-btn">
          ＋ {t('cases.report.addPhoto')}
          <input
            className="sr-only"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            data-testid="photo-input"
            onChange={(e) => {
              void addPhotos(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      )}
    </section>
  );
}
