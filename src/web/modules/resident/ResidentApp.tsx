/** Resident area (phone-first, no UI library): home and settings. Also serves /settings for staff. */
import { useTranslation } from 'react-i18next';
import { useAccount, homeFor } from '../../app/auth.tsx';
import { Link, useLocation } from '../../app/router.tsx';
import { ElderToggle } from './ElderToggle.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import ResidentHome from './ResidentHome.tsx';
import SettingsPage from './SettingsPage.tsx';
import './resident.css';

/** The resident shell. */
export default function ResidentApp() {
  const { t } = useTranslation();
  const account = useAccount();
  const { path } = useLocation();
  const onSettings = path.startsWith('/settings') || path.startsWith('/me/settings');
  return (
    <div className="r-shell">
      <header className="r-bar">
        {onSettings ? (
          <Link className="btn r-bar-btn" to={homeFor(account)}>
            ← {t('app.back')}
          </Link>
        ) : (
          <span className="r-brand">{t('app.name')}</span>
        )}
        <div className="r-bar-actions">
          <LangSwitch className="btn r-bar-btn" />
          {!onSettings && <ElderToggle compact />}
        </div>
      </header>
      <main id="main" className="r-main">
        {onSettings ? <SettingsPage /> : <ResidentHome />}
      </main>
    </div>
  );
}
