/**
 * Public pages (no login): disclosures anyone may read, such as a community's fund (财务公开) or a published vote
 * result. Each module adds its pages to PAGES as lazy chunks; the shell is plain React + CSS, phone-first, and
 * honours elder mode like the resident pages.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from '../../app/router.tsx';
import { Loading } from '../../components/Loading.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { ElderToggle } from '../resident/ElderToggle.tsx';
import '../resident/resident.css';

type Page = { pattern: string; component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> };

/** Public routes, each `/public/...`; the component gets the pattern's parameters. */
const PAGES: Page[] = [
  { pattern: '/public', component: lazy(() => import('./PublicIndex.tsx')) },
  { pattern: '/public/cobuild/:code', component: lazy(() => import('../cobuild/PublicUnitsPage.tsx')) },
  { pattern: '/public/fund/:code', component: lazy(() => import('../fund/PublicFundPage.tsx')) },
  { pattern: '/public/consult/:id', component: lazy(() => import('../consult/PublicTopicPage.tsx')) },
];

/** The public shell: a title bar with the language switch, then the page. */
export default function PublicApp() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const hit = PAGES.map((p) => ({ p, params: matchPath(p.pattern, clean) })).find((x) => x.params);
  const Component = hit?.p.component;
  return (
    <div className="r-shell">
      <header className="r-bar">
        <span className="r-brand">{t('public.title')}</span>
        <div className="r-bar-actions">
          <LangSwitch className="btn r-bar-btn" />
          <ElderToggle compact />
        </div>
      </header>
      <main id="main" className="r-main">
        <Suspense fallback={<Loading />}>
          {Component && hit?.params ? (
            <Component params={hit.params} />
          ) : (
            <p className="card">{t('public.notFound')}</p>
          )}
        </Suspense>
      </main>
    </div>
  );
}
