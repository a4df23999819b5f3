/**
 * The app shell: session, routing by role, and route-level code splitting. Resident pages and the login
 * page are plain React + CSS; the staff pages (antd, MapLibre, ECharts) are separate lazy chunks so a
 * resident's phone never downloads them.
 */
import { lazy, Suspense, useEffect } from 'react';
import { Loading } from '../components/Loading.tsx';
import { AuthProvider, homeFor, useAuth } from './auth.tsx';
import { navigate, useLocation } from './router.tsx';

const LoginPage = lazy(() => import('../modules/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('../modules/auth/ChangePasswordPage.tsx'));
const ResidentApp = lazy(() => import('../modules/resident/ResidentApp.tsx'));
const StaffApp = lazy(() => import('../modules/staff/StaffApp.tsx'));
const PublicApp = lazy(() => import('../modules/public/PublicApp.tsx'));

const RESIDENT_PATHS = ['/me', '/settings'];
/** Pages anyone may read without signing in (disclosures, published results). */
const isPublic = (path: string): boolean => path === '/public' || path.startsWith('/public/');

function Routes() {
  const { account } = useAuth();
  const { path } = useLocation();

  useEffect(() => {
    if (account === undefined || isPublic(path)) return;
    if (account === null && path !== '/login') navigate('/login', true);
    else if (account && (path === '/' || path === '/login')) navigate(homeFor(account), true);
    else if (account && account.role === 'resident' && !RESIDENT_PATHS.some((p) => path.startsWith(p))) {
      navigate('/me', true);
    } else if (account && account.role !== 'resident' && (path === '/me' || path === '/me/')) {
      navigate(homeFor(account), true);
    }
  }, [account, path]);

  if (isPublic(path)) return <PublicApp />;
  if (account === undefined) return <Loading />;
  if (account === null) return path === '/login' ? <LoginPage /> : <Loading />;
  if (account.mustChangePassword) return <ChangePasswordPage />; // the server refuses everything else until then
  if (path === '/' || path === '/login') return <Loading />;
  if (account.role === 'resident' || RESIDENT_PATHS.some((p) => path.startsWith(p))) return <ResidentApp />;
  return <StaffApp />;
}

/** Root component. */
export function App() {
  return (
    <AuthProvider>
      <Suspense fallback={<Loading />}>
        <Routes />
      </Suspense>
    </AuthProvider>
  );
}
