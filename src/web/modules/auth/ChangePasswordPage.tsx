/**
 * First-login password change: shown instead of every page while the account's password is one an administrator
 * set (the server answers everything else with PASSWORD_CHANGE_REQUIRED). Plain React + CSS like the login page.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { strongEnough } from './passwordRule.ts';
import './login.css';

/** The page. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { refresh, logout } = useAuth();
  const [cur, setCur] = useState('');
  const [pw, setPw] = useState('');
  const [pw2, setPw2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pw !== pw2) return setError(t('pwchange.mismatch'));
    if (!strongEnough(pw)) return setError(t('pwchange.weak'));
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/auth/password', { currentPassword: cur, newPassword: pw });
      await refresh(); // the flag is gone: the app shows the account's home page
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login-top">
        <LangSwitch />
      </div>
      <form className="card login-form" onSubmit={submit} noValidate data-testid="pwchange-form">
        <h2>{t('pwchange.title')}</h2>
        <p className="muted">{t('pwchange.why')}</p>
        {error && (
          <div className="alert alert-error" role="alert" data-testid="pwchange-error">
            {error}
          </div>
        )}
        <label className="field">
          <span>{t('pwchange.current')}</span>
          <input
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={cur}
            onChange={(e) => setCur(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('pwchange.next')}</span>
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={pw}
            onChange={(e) => setPw(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('pwchange.confirm')}</span>
          <input
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            value={pw2}
            onChange={(e) => setPw2(e.target.value)}
          />
        </label>
        <p className="muted small">{t('pwchange.rule')}</p>
        <button className="btn btn-primary btn-block" type="submit" disabled={busy || !cur || !pw}>
          {busy ? t('pwchange.submitting') : t('pwchange.submit')}
        </button>
        <button className="btn btn-block linkish" type="button" onClick={() => void logout()}>
          {t('pwchange.logout')}
        </button>
      </form>
    </main>
  );
}
