/**
 * Login: username + password; shows the server's message as returned; the demo accounts in a <details>, only when
 * the server says the demo is loaded (a real installation has none, and must not advertise the demo password).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { get } from '../../api/client.ts';
import { useTranslation } from 'react-i18next';
import { useAuth, homeFor } from '../../app/auth.tsx';
import { navigate } from '../../app/router.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { DEMO_ACCOUNTS, DEMO_GRID_WORKERS, DEMO_PASSWORD } from './demoAccounts.ts';
import './login.css';

/** The login page. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState(false);

  useEffect(() => {
    let live = true;
    get<{ demo: boolean }>('/api/auth/demo')
      .then((r) => live && setDemo(r.demo))
      .catch(() => undefined); // without an answer, the demo list simply stays hidden
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const account = await login(username.trim(), password);
      navigate(homeFor(account), true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const fill = (name: string) => {
    setUsername(name);
    setPassword(DEMO_PASSWORD);
    setError(null);
  };

  return (
    <main className="login">
      <div className="login-top">
        <LangSwitch />
      </div>
      <header className="login-brand">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('app.tagline')}</p>
      </header>
      <form className="card login-form" onSubmit={submit} noValidate>
        <h2>{t('login.title')}</h2>
        {error && (
          <div className="alert alert-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      {demo && (
        <details className="card login-demo" data-testid="login-demo">
          <summary>{t('login.demoTitle')}</summary>
          <p className="muted">{t('login.demoHint', { password: DEMO_PASSWORD })}</p>
          <ul>
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.username}>
                <button type="button" className="linkish" onClick={() => fill(a.username)}>
                  <code>{a.username}</code> — {t(`roles.${a.role}`)}
                </button>
              </li>
            ))}
            <li>
              <span>{t('login.demoGrid')}</span>
              {DEMO_GRID_WORKERS.map((u) => (
                <button key={u} type="button" className="linkish" onClick={() => fill(u)}>
                  <code>{u}</code>
                </button>
              ))}
            </li>
          </ul>
          <p className="muted small">{t('login.demoNote')}</p>
        </details>
      )}
    </main>
  );
}
