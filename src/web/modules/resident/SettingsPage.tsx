/** Settings: language, 长辈版, change password, logout. No pop-ups: results show inline. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth, useAccount } from '../../app/auth.tsx';
import { navigate } from '../../app/router.tsx';
import { currentLang, setLang } from '../../i18n/index.ts';
import { ElderToggle } from './ElderToggle.tsx';
import { useElderMode } from '../../app/prefs.ts';

/** Mirrors the server's rule (WEAK_PASSWORD): ≥ 8 characters with letters and digits. */
function strongEnough(pw: string): boolean {
  return pw.length >= 8 && /[A-Za-z]/.test(pw) && /\d/.test(pw);
}

function PasswordForm() {
  const { t } = useTranslation();
  const [cur, setCur] = useState('');
  const [pw, setPw] = useState('');
  const [pw2, setPw2] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pw !== pw2) return setMsg({ ok: false, text: t('settings.mismatch') });
    if (!strongEnough(pw)) return setMsg({ ok: false, text: t('settings.weak') });
    setBusy(true);
    try {
      await api('POST', '/api/auth/password', { currentPassword: cur, newPassword: pw });
      setMsg({ ok: true, text: t('settings.saved') });
      setCur('');
      setPw('');
      setPw2('');
    } catch (err) {
      setMsg({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {msg && (
        <p className={`alert ${msg.ok ? 'alert-ok' : 'alert-error'}`} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
      <label className="field">
        <span>{t('settings.currentPassword')}</span>
        <input type="password" autoComplete="current-password" value={cur} onChange={(e) => setCur(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.newPassword')}</span>
        <input type="password" autoComplete="new-password" value={pw} onChange={(e) => setPw(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.confirmPassword')}</span>
        <input type="password" autoComplete="new-password" value={pw2} onChange={(e) => setPw2(e.target.value)} />
      </label>
      <p className="para muted">{t('settings.passwordRule')}</p>
      <button className="btn btn-primary btn-block" type="submit" disabled={busy || !cur || !pw}>
        {t('settings.save')}
      </button>
    </form>
  );
}

/** The page. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const { logout } = useAuth();
  const elder = useElderMode();
  const lang = currentLang();
  return (
    <div className="r-settings-page">
      <h1 className="r-hello">{t('settings.title')}</h1>
      <p className="para muted">
        {t('settings.account', { username: account.username, role: t(`roles.${account.role}`) })}
      </p>
      <section className="card">
        <h2>{t('settings.language')}</h2>
        <fieldset className="r-choice" aria-label={t('settings.language')}>
          {(['zh-CN', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              className={`btn ${lang === l ? 'btn-primary' : ''}`}
              aria-pressed={lang === l}
              onClick={() => setLang(l)}
            >
              {lang === l ? '✓ ' : ''}
              {l === 'en' ? t('lang.en') : t('lang.zh')}
            </button>
          ))}
        </fieldset>
      </section>
      <section className="card">
        <h2>{t('settings.elder')}</h2>
        <p className="para">
          {elder ? t('resident.elderIsOn') : t('resident.elderIsOff')} {t('resident.elderModeDesc')}
        </p>
        <ElderToggle />
      </section>
      <section className="card">
        <h2>{t('settings.password')}</h2>
        <PasswordForm />
      </section>
      <button
        type="button"
        className="btn btn-block r-logout"
        data-testid="logout"
        onClick={() => void logout().then(() => navigate('/login', true))}
      >
        {t('settings.logout')}
      </button>
    </div>
  );
}
