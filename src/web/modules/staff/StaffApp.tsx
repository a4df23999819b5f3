/**
 * Staff area (desk and phone): antd layout, a menu filtered by role, and lazy pages. Map, search, household,
 * import and audit each load as their own chunk; the map chunk pulls MapLibre only when it mounts.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App as AntApp, Button, ConfigProvider, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { antdEnUS as enUS, antdZhCN as zhCN } from './antdLocale.ts';
import { useAccount, useAuth } from '../../app/auth.tsx';
import { Link, matchPath, navigate, useLocation } from '../../app/router.tsx';
import { currentLang, setLang } from '../../i18n/index.ts';
import { Loading } from '../../components/Loading.tsx';
import { roleHas } from '../../../server/modules/registry/permissions.ts';
import { circleRoleHas } from '../../../server/modules/circle/permissions.ts';
import { careRoleHas } from '../../../server/modules/care/permissions.ts';
import { noticeRoleHas } from '../../../server/modules/notices/permissions.ts';
import { shopRoleHas } from '../../../server/modules/shop/permissions.ts';
import type { Role } from '../../api/types.ts';
import { STAFF_ROLES } from '../../../shared/roles.ts';
import './staff.css';

const MapPage = lazy(() => import('../map/MapPage.tsx'));
const ResidentsPage = lazy(() => import('../registry/ResidentsPage.tsx'));
const HouseholdPage = lazy(() => import('../registry/HouseholdPage.tsx'));
const ImportPage = lazy(() => import('../registry/ImportPage.tsx'));
const AuditPage = lazy(() => import('../audit/AuditPage.tsx'));
const CasesPage = lazy(() => import('../cases/staff/CasesPage.tsx'));
const CirclePage = lazy(() => import('../circle/CirclePage.tsx'));
const AccountsPage = lazy(() => import('../accounts/AccountsPage.tsx'));
const CobuildPage = lazy(() => import('../cobuild/staff/CobuildPage.tsx'));
const QrDisplay = lazy(() => import('../cobuild/staff/QrDisplay.tsx'));
const OverviewPage = lazy(() => import('../overview/OverviewPage.tsx'));
const CarePage = lazy(() => import('../care/CarePage.tsx'));
const NoticesPage = lazy(() => import('../notices/NoticesPage.tsx'));
const FundPage = lazy(() => import('../fund/FundPage.tsx'));
const TillPage = lazy(() => import('../shop/TillPage.tsx'));
const CataloguePage = lazy(() => import('../shop/CataloguePage.tsx'));
const LivePage = lazy(() => import('../shop/LivePage.tsx'));
const SettlementPage = lazy(() => import('../shop/SettlementPage.tsx'));
const ConsultPage = lazy(() => import('../consult/StaffConsultPage.tsx'));

/** The secretary (community staff) and the street and district above see the overview. */
const OVERVIEW_ROLES: Role[] = ['community_staff', 'street_staff', 'district_admin'];
const FUND_ROLES: Role[] = ['community_staff', 'street_staff', 'district_admin', 'auditor'];
const CASE_ROLES: readonly Role[] = STAFF_ROLES;
const COBUILD_ROLES: readonly Role[] = STAFF_ROLES;

interface NavItem {
  path: string;
  label: string;
  show(role: Role): boolean;
}

const NAV: NavItem[] = [
  { path: '/overview', label: 'care.overview.nav', show: (r) => OVERVIEW_ROLES.includes(r) },
  { path: '/map', label: 'nav.map', show: (r) => roleHas(r, 'place.read') },
  { path: '/cases', label: 'nav.cases', show: (r) => CASE_ROLES.includes(r) },
  { path: '/cases/metrics', label: 'nav.caseMetrics', show: (r) => CASE_ROLES.includes(r) && r !== 'grid_worker' },
  { path: '/care', label: 'care.nav', show: (r) => careRoleHas(r, 'read') && r !== 'resident' },
  { path: '/notices', label: 'care.notices.nav', show: (r) => noticeRoleHas(r, 'stats') },
  { path: '/circle', label: 'circle.nav', show: (r) => circleRoleHas(r, 'circle.read') },
  { path: '/cobuild', label: 'cobuild.nav', show: (r) => COBUILD_ROLES.includes(r) },
  { path: '/consult', label: 'consult.nav', show: (r) => CASE_ROLES.includes(r) },
  { path: '/residents', label: 'nav.residents', show: (r) => roleHas(r, 'resident.read') },
  { path: '/import', label: 'nav.import', show: (r) => roleHas(r, 'registry.import') || roleHas(r, 'registry.export') },
  { path: '/audit', label: 'nav.audit', show: (r) => roleHas(r, 'audit.read') },
  { path: '/fund', label: 'fund.nav', show: (r) => FUND_ROLES.includes(r) },
  { path: '/shop/till', label: 'shop.nav.till', show: (r) => shopRoleHas(r, 'shop.sell') },
  { path: '/shop/catalogue', label: 'shop.nav.catalogue', show: (r) => shopRoleHas(r, 'shop.read') },
  { path: '/shop/live', label: 'shop.nav.live', show: (r) => shopRoleHas(r, 'shop.read') },
  { path: '/shop/settlement', label: 'shop.nav.settlement', show: (r) => shopRoleHas(r, 'shop.read') },
  {
    path: '/accounts',
    label: 'accounts.nav',
    show: (r) => r === 'community_staff' || r === 'street_staff' || r === 'district_admin',
  },
];

function Page({ path }: { path: string }) {
  const { t } = useTranslation();
  const hh = matchPath('/households/:id', path);
  if (hh?.id) return <HouseholdPage id={hh.id} />;
  if (path === '/map') return <MapPage />;
  const qr = matchPath('/cobuild/activities/:id/qr', path);
  if (qr?.id) return <QrDisplay id={qr.id} />;
  if (path === '/cobuild' || path.startsWith('/cobuild/')) return <CobuildPage path={path} />;
  if (path === '/cases' || path.startsWith('/cases/')) return <CasesPage path={path} />;
  if (path === '/circle') return <CirclePage />;
  if (path === '/overview') return <OverviewPage />;
  if (path === '/care' || path.startsWith('/care/')) return <CarePage path={path} />;
  if (path === '/notices' || path.startsWith('/notices/')) return <NoticesPage path={path} />;
  if (path === '/residents') return <ResidentsPage />;
  if (path === '/import') return <ImportPage />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/accounts') return <AccountsPage />;
  if (path === '/fund' || path.startsWith('/fund/')) return <FundPage />;
  if (path === '/shop/till') return <TillPage />;
  if (path === '/shop/catalogue' || path === '/shop/stock') return <CataloguePage />;
  if (path === '/shop/live') return <LivePage />;
  if (path === '/shop/settlement' || path === '/shop/sales') return <SettlementPage />;
  if (path === '/consult') return <ConsultPage />;
  return (
    <div className="s-pad">
      <Typography.Title level={3}>{t('app.notFound')}</Typography.Title>
      <Link to="/map">{t('app.backHome')}</Link>
    </div>
  );
}

/** The staff shell. */
export default function StaffApp() {
  const { t } = useTranslation();
  const account = useAccount();
  const { logout } = useAuth();
  const { path } = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [menuOpen, setMenuOpen] = useState(false);
  const lang = currentLang();
  const items = useMemo(
    () => NAV.filter((n) => n.show(account.role)).map((n) => ({ key: n.path, label: t(n.label) })),
    [account.role, t],
  );
  // The longest matching key wins (/cases/metrics over /cases).
  const selected =
    [...items].sort((a, b) => b.key.length - a.key.length).find((i) => path === i.key || path.startsWith(`${i.key}/`))
      ?.key ?? (path.startsWith('/households') ? '/residents' : '');
  const go = ({ key }: { key: string }) => {
    setMenuOpen(false);
    navigate(key);
  };
  const userBox = (
    <Space wrap>
      <Typography.Text className="s-user" data-testid="user-name">
        {account.displayName} · {t(`roles.${account.role}`)}
      </Typography.Text>
      <Button
        data-testid="lang-switch"
        lang={lang === 'en' ? 'zh-CN' : 'en'}
        onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
      >
        {t('lang.switchTo')}
      </Button>
      <Button onClick={() => navigate('/settings')}>{t('nav.settings')}</Button>
      <Button onClick={() => void logout().then(() => navigate('/login', true))} data-testid="logout">
        {t('nav.logout')}
      </Button>
    </Space>
  );
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#0b57c2' } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <Layout className="s-layout">
          <Layout.Header className="s-header">
            <Link to="/map" className="s-brand">
              {t('app.name')}
            </Link>
            {phone ? (
              <Button aria-label={t('nav.menu')} onClick={() => setMenuOpen(true)} data-testid="menu-button">
                ☰ {t('nav.menu')}
              </Button>
            ) : (
              <>
                <Menu
                  className="s-menu"
                  mode="horizontal"
                  theme="dark"
                  selectedKeys={[selected]}
                  items={items}
                  onClick={go}
                />
                {userBox}
              </>
            )}
          </Layout.Header>
          {phone && (
            <Drawer
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
              placement="right"
              size={280}
              title={t('nav.menu')}
            >
              <Menu mode="vertical" selectedKeys={[selected]} items={items} onClick={go} />
              <div className="s-drawer-user">{userBox}</div>
            </Drawer>
          )}
          <Layout.Content className="s-content" id="main">
            <Suspense fallback={<Loading />}>
              <Page path={path} />
            </Suspense>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
