/**
 * Entry of the staff cases area (one lazy chunk): /cases is the grid worker's queue or the staff console,
 * /cases/metrics the indicators, /cases/:id one case.
 */
import { lazy } from 'react';
import { useAccount } from '../../../app/auth.tsx';
import { matchPath } from '../../../app/router.tsx';
import './staff.css';

const WorkerQueue = lazy(() => import('./WorkerQueue.tsx'));
const CaseConsole = lazy(() => import('./CaseConsole.tsx'));
const CaseDetail = lazy(() => import('./CaseDetail.tsx'));
const MetricsPage = lazy(() => import('./MetricsPage.tsx'));

/** Routes under /cases. */
export default function CasesPage({ path }: { path: string }) {
  const account = useAccount();
  if (path === '/cases/metrics') return <MetricsPage />;
  if (path === '/cases/all') return <CaseConsole />;
  const one = matchPath('/cases/:id', path);
  if (one?.id) return <CaseDetail id={one.id} />;
  return account.role === 'grid_worker' ? <WorkerQueue /> : <CaseConsole />;
}
