/**
 * Full-screen check-in display for a screen or tablet at the place: the QR code (the check-in URL with the
 * current code) and the code in large type, refreshed when the server's 30-s step ends.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import qrcode from 'qrcode-generator';
import { cobuildApi } from '../../../api/cobuild.ts';

type Shown = Awaited<ReturnType<typeof cobuildApi.code>>;

/** The display. */
export default function QrDisplay({ id }: { id: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const s = await cobuildApi.code(id);
        if (!live) return;
        setShown(s);
        setError(null);
        // the next code exists once the server's step ends; ask just after (the server's clock decides)
        const wait = Math.min(30_000, Math.max(1_000, new Date(s.rotatesAt).getTime() - Date.now() + 300));
        timer = setTimeout(() => void load(), wait);
      } catch (e) {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        timer = setTimeout(() => void load(), 5_000);
      }
    };
    void load();
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      live = false;
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [id]);
  const url = shown ? `${window.location.origin}${shown.path}` : '';
  const img = (() => {
    if (!url) return '';
    const q = qrcode(0, 'M');
    q.addData(url);
    q.make();
    return q.createDataURL(10, 2);
  })();
  const left = shown ? Math.max(0, Math.ceil((new Date(shown.rotatesAt).getTime() - now) / 1000)) : 0;
  return (
    <div
      data-testid="qr-display"
      style={{
        position: 'fixed',
        inset: 0,
        background: '#fff',
        zIndex: 1000,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 16,
        textAlign: 'center',
      }}
    >
      <h1 style={{ fontSize: 32, margin: 0 }}>{shown?.activity.title}</h1>
      <p style={{ fontSize: 20, margin: 0 }}>
        {shown?.activity.placeName} · {t('cobuild.activity.qrTitle')}
      </p>
      {img && <img src={img} alt={url} style={{ width: 'min(70vh, 80vw)', imageRendering: 'pixelated' }} />}
      <p data-testid="qr-code" style={{ fontSize: 56, letterSpacing: 8, fontFamily: 'monospace', margin: 0 }}>
        {shown?.code}
      </p>
      <p style={{ fontSize: 18, margin: 0 }}>
        {t('cobuild.activity.qrHint')} · {t('cobuild.activity.rotates', { s: left })}
      </p>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
