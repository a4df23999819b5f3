/**
 * Resident area (phone-first, no UI library): home, settings and the cases pages (报事, my cases, one case,
 * notifications — each a lazy chunk so the home stays small). Also serves /settings for staff.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount, homeFor } from '../../app/auth.tsx';
import { Link, matchPath, useLocation } from '../../app/router.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ElderToggle } from './ElderToggle.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import ResidentHome from './ResidentHome.tsx';
import SettingsPage from './SettingsPage.tsx';
import './resident.css';
import '../cases/resident/cases.css';

const ReportPage = lazy(() => import('../cases/resident/ReportPage.tsx'));
const MyCasesPage = lazy(() => import('../cases/resident/MyCasesPage.tsx'));
const CaseDetailPage = lazy(() => import('../cases/resident/CaseDetailPage.tsx'));
const NotificationsPage = lazy(() => import('../cases/resident/NotificationsPage.tsx'));
const VolunteerPage = lazy(() => import('../cobuild/resident/VolunteerPage.tsx'));
const CheckPage = lazy(() => import('../cobuild/resident/CheckPage.tsx'));
const HoursPage = lazy(() => import('../cobuild/resident/HoursPage.tsx'));
const ResidentNotices = lazy(() => import('../notices/ResidentNotices.tsx'));
const ConsultList = lazy(() => import('../consult/ResidentConsult.tsx').then((m) => ({ default: m.ConsultList })));
const ConsultTopic = lazy(() => import('../consult/ResidentConsult.tsx').then((m) => ({ default: m.ConsultTopic })));

/** The page for a resident path. */
function Page({ path }: { path: string }) {
  const one = matchPath('/me/cases/:id', path);
  if (one?.id) return <CaseDetailPage id={one.id} />;
  const topic = matchPath('/me/consult/:id', path);
  if (topic?.id) return <ConsultTopic id={topic.id} />;
  if (path === '/me/consult') return <ConsultList />;
  if (path === '/me/report') return <ReportPage />;
  if (path === '/me/cases') return <MyCasesPage />;
  if (path === '/me/notifications') return <NotificationsPage />;
  if (path === '/me/volunteer') return <VolunteerPage />;
  if (path === '/me/volunteer/check') return <CheckPage />;
  if (path === '/me/volunteer/hours') return <HoursPage />;
  if (path === '/me/notices') return <ResidentNotices />;
  if (path.startsWith('/settings') || path.startsWith('/me/settings')) return <SettingsPage />;
  return <ResidentHome />;
}

/** Where the back button of a sub-page goes. */
function backOf(path: string, home: string): string {
  if (path.startsWith('/me/volunteer/')) return '/me/volunteer';
  if (matchPath('/me/consult/:id', path)) return '/me/consult';
  return matchPath('/me/cases/:id', path) ? '/me/cases' : home;
}

/** The resident shell. */
export default function ResidentApp() {
  const { t } = useTranslation();
  const account = useAccount();
  const { path } = useLocation();
  const home = homeFor(account);
  const onSub = path !== home && path !== '/me/' && !(account.role === 'resident' && path === '/me');
  const onSettings = path.startsWith('/settings') || path.startsWith('/me/settings');
  return (
    <div className="r-shell">
      <header className="r-bar">
        {onSub ? (
          <Link className="btn r-bar-btn" to={backOf(path, home)} data-testid="back">
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
        <Suspense fallback={<Loading />}>
          <Page path={path} />
        </Suspense>
      </main>
    </div>
  );
}
