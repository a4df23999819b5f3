/**
 * 报事 / 随手拍: one page, phone-first. Category (community classes first), location (phone GPS or a tap on a
 * lazily loaded map), up to 6 photos, description, "hide my name" on by default. The form is saved as a draft
 * (photos included) on every change; a submission that never got an answer stays pending with its
 * Idempotency-Key and is retried when the connection returns. Duplicates nearby are offered before a new case.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { casesApi, postReport, type CaseCategory, type Crs, type DuplicateCase } from '../../../api/cases.ts';
import { useAccount } from '../../../app/auth.tsx';
import { navigate } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { categoryName } from '../labels.ts';
import { clearDraft, hasContent, loadDraft, newKey, saveDraft, type ReportDraft } from '../drafts.ts';
import { currentPosition, preferredCrs, setPreferredCrs } from '../geo.ts';
import { MAX_PHOTOS, shrinkPhoto } from '../photos.ts';
import { runningPatrol } from '../patrolStore.ts';

const PickPointMap = lazy(() => import('./PickPointMap.tsx'));

type Loc = ReportDraft['location'];

function emptyDraft(): ReportDraft {
  return {
    categoryCode: '',
    description: '',
    location: null,
    address: '',
    hideName: true,
    photos: [],
    key: newKey(),
    pending: false,
    savedAt: new Date().toISOString(),
  };
}

/** Object URLs for photo previews, revoked when the photos change. */
function usePreviews(photos: Blob[]): string[] {
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}

function CategoryPicker({
  list,
  value,
  onChange,
}: {
  list: CaseCategory[];
  value: string;
  onChange(code: string): void;
}) {
  const { t } = useTranslation();
  const community = list.filter((c) => c.kind === 'community');
  const national = list.filter((c) => c.kind !== 'community');
  const groups = new Map<string, CaseCategory[]>();
  for (const c of national) {
    const g = `${c.kind === 'event' ? t('cases.report.eventClass') : t('cases.report.componentClass')} · ${c.majorName}`;
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const nationalPicked = national.some((c) => c.code === value);
  return (
    <fieldset className="c-fieldset">
      <legend className="c-legend">{t('cases.report.category')}</legend>
      <div className="c-cats" role="group" aria-label={t('cases.report.common')}>
        {community.map((c) => (
          <button
            key={c.code}
            type="button"
            className={`btn c-cat ${value === c.code ? 'btn-primary' : ''}`}
            aria-pressed={value === c.code}
            data-code={c.code}
            onClick={() => onChange(c.code)}
          >
            {value === c.code ? '✓ ' : ''}
            {categoryName(c)}
          </button>
        ))}
      </div>
      <label className="field c-more">
        <span>{t('cases.report.moreClasses')}</span>
        <select
          value={nationalPicked ? value : ''}
          onChange={(e) => e.target.value && onChange(e.target.value)}
          data-testid="category-select"
        >
          <option value="">{t('cases.report.pickNational')}</option>
          {[...groups].map(([g, cs]) => (
            <optgroup key={g} label={g}>
              {cs.map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryName(c)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function Duplicates({
  items,
  onSupport,
  busyId,
}: {
  items: DuplicateCase[];
  onSupport(id: string): void;
  busyId: string | null;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="card c-dups" aria-labelledby="dups-title" data-testid="duplicates">
      <h2 id="dups-title">{t('cases.report.dupTitle', { count: items.length })}</h2>
      <p className="para">{t('cases.report.dupHint')}</p>
      <ul className="c-list">
        {items.map((d) => (
          <li key={d.id} className="c-dup">
            <p className="para">
              <b>{d.categoryName}</b> · {t('cases.report.metersAway', { m: Math.round(d.distanceM) })}
              {d.supporters > 0 ? ` · ${t('cases.supporters', { count: d.supporters })}` : ''}
            </p>
            <p className="para">{d.description}</p>
            <button
              type="button"
              className="btn btn-block"
              disabled={busyId !== null}
              onClick={() => onSupport(d.id)}
              data-testid="me-too"
            >
              ＋ {t('cases.report.meToo')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The page. */
export default function ReportPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const cats = useAsync(() => casesApi.categories(), []);
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [crs, setCrs] = useState<Crs>(preferredCrs);
  const [locMsg, setLocMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [locating, setLocating] = useState(false);
  const [showMap, setShowMap] = useState(false);
  const [dups, setDups] = useState<DuplicateCase[] | null>(null);
  const [dupsFor, setDupsFor] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [supportBusy, setSupportBusy] = useState<string | null>(null);
  const [online, setOnline] = useState(() => navigator.onLine);
  // A resident's scope is their grid (14 digits) or community (12): the community is the first 12.
  const communityCode = account.scope.code.length >= 12 ? account.scope.code.slice(0, 12) : null;
  const sending = useRef(false);

  // Restore the draft once.
  useEffect(() => {
    let live = true;
    void loadDraft().then((d) => {
      if (!live) return;
      if (d && (hasContent(d) || d.pending)) {
        setDraft({ ...emptyDraft(), ...d, photos: d.photos ?? [] });
        setRestored(true);
      } else setDraft(emptyDraft());
    });
    return () => {
      live = false;
    };
  }, []);

  // Autosave (debounced).
  useEffect(() => {
    if (!draft) return;
    const h = setTimeout(() => void saveDraft({ ...draft, savedAt: new Date().toISOString() }), 300);
    return () => clearTimeout(h);
  }, [draft]);

  const update = useCallback((patch: Partial<ReportDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
  }, []);

  const previews = usePreviews(draft?.photos ?? []);

  const submit = useCallback(
    async (d: ReportDraft) => {
      if (sending.current) return;
      sending.current = true;
      setBusy(true);
      setMsg(null);
      const pendingDraft = { ...d, pending: true };
      setDraft(pendingDraft);
      await saveDraft(pendingDraft);
      // A grid worker on patrol files what they find as patrol-found.
      const patrol = account.role === 'grid_worker' ? runningPatrol() : null;
      const patrolFields = patrol ? { source: 'patrol' as const, patrolId: patrol.id } : {};
      try {
        const body = {
          categoryCode: d.categoryCode,
          description: d.description.trim(),
          hideName: d.hideName,
          ...(d.location ? { location: { lon: d.location.lon, lat: d.location.lat, crs: d.location.crs } } : {}),
          ...(d.address.trim() ? { address: d.address.trim() } : {}),
          ...patrolFields,
        };
        const r = await postReport(body, d.photos, d.key);
        await clearDraft();
        setDraft(null);
        navigate(`/me/cases/${r.case.id}?new=1`);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
        if (err.status === 0 || err.status >= 500) {
          // Never reached the server (or it failed): keep the draft pending; retry with the same key.
          setMsg({ ok: false, text: t('cases.report.offline') });
        } else {
          const next = { ...d, pending: false, key: err.code === 'IDEMPOTENCY_KEY_REUSED' ? newKey() : d.key };
          setDraft(next);
          await saveDraft(next);
          setMsg({ ok: false, text: err.message });
        }
      } finally {
        sending.current = false;
        setBusy(false);
      }
    },
    [t, account.role],
  );

  // Retry a pending submission when the connection comes back (and once on open).
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  const pending = draft?.pending ?? false;
  useEffect(() => {
    if (pending && online && draft && !sending.current) void submit(draft);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending, online]);

  // Duplicates for the chosen class and place.
  const dupKey =
    draft?.categoryCode && draft.location ? `${draft.categoryCode}|${draft.location.lon}|${draft.location.lat}` : '';
  useEffect(() => {
    if (!dupKey || !draft?.location) {
      setDups(null);
      return;
    }
    let live = true;
    const { lon, lat, crs: c } = draft.location;
    casesApi
      .duplicates(draft.categoryCode, lon, lat, c)
      .then((r) => live && (setDups(r.duplicates), setDupsFor(dupKey)))
      .catch(() => live && (setDups([]), setDupsFor(dupKey)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dupKey]);

  if (!draft || cats.loading) return <p className="para muted">{t('app.loading')}</p>;
  if (cats.error) return <p className="alert alert-error">{cats.error.message}</p>;
  const list = cats.data?.categories ?? [];

  const locate = async () => {
    setLocating(true);
    setLocMsg(null);
    try {
      const p = await currentPosition();
      update({ location: { lon: p.lon, lat: p.lat, crs, source: 'gps' } });
      setLocMsg({ ok: true, text: t('cases.report.located', { m: Math.round(p.accuracy) }) });
    } catch (e) {
      setLocMsg({ ok: false, text: t('cases.report.locateFailed', { reason: e instanceof Error ? e.message : '' }) });
      setShowMap(true);
    } finally {
      setLocating(false);
    }
  };

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - draft.photos.length;
    const picked = [...files].slice(0, Math.max(0, room));
    if (files.length > room) setMsg({ ok: false, text: t('cases.report.tooManyPhotos', { max: MAX_PHOTOS }) });
    const shrunk = await Promise.all(picked.map((f) => shrinkPhoto(f)));
    setDraft((d) => (d ? { ...d, photos: [...d.photos, ...shrunk].slice(0, MAX_PHOTOS) } : d));
  };

  const problems: string[] = [];
  if (!draft.categoryCode) problems.push(t('cases.report.needCategory'));
  if (!draft.location) problems.push(t('cases.report.needLocation'));
  if (!draft.description.trim()) problems.push(t('cases.report.needDescription'));
  const dupsReady = !dupKey || dupsFor === dupKey;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (problems.length) {
      setMsg({ ok: false, text: problems.join(' ') });
      return;
    }
    // Duplicates (if any) are on the page above the button; pressing it anyway is a deliberate new case.
    void submit(draft);
  };

  const meToo = async (id: string) => {
    setSupportBusy(id);
    try {
      await casesApi.support(id);
      await clearDraft();
      navigate(`/me/cases/${id}?supported=1`);
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
      setSupportBusy(null);
    }
  };

  const discard = async () => {
    await clearDraft();
    setDraft(emptyDraft());
    setRestored(false);
    setMsg(null);
    setLocMsg(null);
  };

  return (
    <form className="c-report" onSubmit={onSubmit} noValidate data-testid="report-page">
      <h1 className="r-hello">{t('cases.report.title')}</h1>
      {restored && (
        <div className="alert alert-ok c-restored" role="status" data-testid="draft-restored">
          {draft.pending ? t('cases.report.restoredPending') : t('cases.report.restored')}{' '}
          <button type="button" className="btn c-inline-btn" onClick={() => void discard()}>
            {t('cases.report.discard')}
          </button>
        </div>
      )}
      {!online && (
        <p className="alert alert-error" role="status">
          {t('cases.report.noNetwork')}
        </p>
      )}

      <section className="card">
        <CategoryPicker list={list} value={draft.categoryCode} onChange={(code) => update({ categoryCode: code })} />
      </section>

      <section className="card" aria-labelledby="loc-title">
        <h2 id="loc-title">{t('cases.report.location')}</h2>
        <div className="c-row">
          <button
            type="button"
            className="btn btn-primary c-grow"
            onClick={() => void locate()}
            disabled={locating}
            data-testid="locate"
          >
            ◎ {locating ? t('cases.report.locating') : t('cases.report.useMyLocation')}
          </button>
          <button
            type="button"
            className="btn c-grow"
            aria-pressed={showMap}
            onClick={() => setShowMap((v) => !v)}
            data-testid="toggle-map"
          >
            ▦ {showMap ? t('cases.report.hideMap') : t('cases.report.pickOnMap')}
          </button>
        </div>
        {locMsg && (
          <p className={`alert ${locMsg.ok ? 'alert-ok' : 'alert-error'}`} role="status">
            {locMsg.text}
          </p>
        )}
        {draft.location && (
          <p className="para" data-testid="location-set">
            <span className="r-label">✓ {t('cases.report.locationSet')}</span>
            {draft.location.source === 'gps' ? t('cases.report.fromGps') : t('cases.report.fromMap')} (
            {draft.location.lon.toFixed(5)}, {draft.location.lat.toFixed(5)})
          </p>
        )}
        {showMap && communityCode && (
          <Suspense fallback={<p className="para muted">{t('map.loadingMap')}</p>}>
            <PickPointMap
              communityCode={communityCode}
              value={draft.location ? [draft.location.lon, draft.location.lat] : null}
              onPick={(lon, lat) => update({ location: { lon, lat, crs: 'wgs84', source: 'map' } })}
            />
          </Suspense>
        )}
        <label className="field">
          <span>{t('cases.report.address')}</span>
          <input
            value={draft.address}
            maxLength={200}
            placeholder={t('cases.report.addressHint')}
            onChange={(e) => update({ address: e.target.value })}
          />
        </label>
        <details className="c-details">
          <summary>{t('cases.report.crs')}</summary>
          <label className="field">
            <span>{t('cases.report.crsLabel')}</span>
            <select
              value={crs}
              onChange={(e) => {
                const v = e.target.value as Crs;
                setCrs(v);
                setPreferredCrs(v);
                if (draft.location?.source === 'gps') update({ location: { ...draft.location, crs: v } });
              }}
            >
              <option value="wgs84">{t('cases.report.crsWgs')}</option>
              <option value="gcj02">{t('cases.report.crsGcj')}</option>
              <option value="bd09">{t('cases.report.crsBd')}</option>
            </select>
          </label>
        </details>
      </section>

      {dups && dups.length > 0 && <Duplicates items={dups} onSupport={(id) => void meToo(id)} busyId={supportBusy} />}

      <section className="card" aria-labelledby="photo-title">
        <h2 id="photo-title">{t('cases.report.photos', { n: draft.photos.length, max: MAX_PHOTOS })}</h2>
        {previews.length > 0 && (
          <ul className="c-thumbs">
            {previews.map((u, i) => (
              <li key={u}>
                <img src={u} alt={t('cases.report.photoN', { n: i + 1 })} />
                <button
                  type="button"
                  className="btn c-thumb-x"
                  aria-label={t('cases.report.removePhoto', { n: i + 1 })}
                  onClick={() => update({ photos: draft.photos.filter((_, j) => j !== i) })}
                >
                  ✕ {t('cases.report.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {draft.photos.length < MAX_PHOTOS && (
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

      <section className="card">
        <label className="field">
          <span>{t('cases.report.description')}</span>
          <textarea
            className="c-textarea"
            rows={4}
            maxLength={2000}
            value={draft.description}
            placeholder={t('cases.report.descriptionHint')}
            onChange={(e) => update({ description: e.target.value })}
            data-testid="description"
          />
        </label>
        <button
          type="button"
          className={`btn btn-block c-toggle ${draft.hideName ? 'btn-primary' : ''}`}
          aria-pressed={draft.hideName}
          onClick={() => update({ hideName: !draft.hideName })}
          data-testid="hide-name"
        >
          {t('cases.report.hideName')}
          <span className="r-state">{draft.hideName ? t('resident.statusOn') : t('resident.statusOff')}</span>
        </button>
        <p className="para muted c-small">
          {draft.hideName ? t('cases.report.hideNameOn') : t('cases.report.hideNameOff')}
        </p>
      </section>

      {msg && (
        <p className={`alert ${msg.ok ? 'alert-ok' : 'alert-error'}`} role="alert" data-testid="report-message">
          {msg.text}
        </p>
      )}
      {draft.pending && !busy && (
        <button type="button" className="btn btn-block" onClick={() => void submit(draft)} data-testid="retry">
          ↻ {t('cases.report.retry')}
        </button>
      )}
      <button
        type="submit"
        className="btn btn-primary btn-block c-submit"
        disabled={busy || !dupsReady}
        data-testid="submit-report"
      >
        {busy
          ? t('cases.report.sending')
          : dups && dups.length > 0
            ? t('cases.report.submitAnyway')
            : t('cases.report.submit')}
      </button>
      <p className="para muted c-small">{t('cases.report.draftNote')}</p>
    </form>
  );
}
