/**
 * `/public/fund/:code` (no login): the community fund's disclosure — balances, the money flow (Sankey, lazy),
 * paid expenses with purpose and receipt, every entry of the public log (names already masked), the signed tree
 * heads with their dates, the public key and how to verify; downloads of ledger.jsonl and the monthly reports.
 */
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../lib/useAsync.ts';
import { Loading } from '../../components/Loading.tsx';
import { formatShanghai } from '../../../shared/time.ts';
import { fundApi, yuan } from './api.ts';

const FundSankey = lazy(() => import('./FundSankey.tsx'));

/** The page. */
export default function PublicFundPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const code = params.code ?? '';
  const s = useAsync(() => fundApi.publicSummary(code), [code]);
  const names = t('fund.public.accountNames', { returnObjects: true }) as Record<string, string>;
  // i18next reads ':' as a namespace separator, so the keys spell account codes with '_'
  const label = useCallback((c: string) => names[c.replace(':', '_')] ?? c, [names]);
  if (s.loading || (!s.data && !s.error)) return <Loading />;
  if (s.error || !s.data) return <p className="card">{t('public.notFound')}</p>;
  const d = s.data;
  const when = (x: string) => formatShanghai(x, i18n.language, { dateStyle: 'medium' });
  const base = `/api/public/fund/${code}`;
  return (
    <div data-testid="public-fund">
      <section className="card">
        <h2>{t('fund.public.title', { name: d.community.name })}</h2>
        <h3>{t('fund.public.balances')}</h3>
        <ul>
          {d.accounts
            .filter((a) => a.kind === 'asset')
            .map((a) => (
              <li key={a.code}>
                {label(a.code)}：¥{yuan(a.balanceFen)}
              </li>
            ))}
        </ul>
      </section>
      <section className="card">
        <h3>{t('fund.public.flow')}</h3>
        <Suspense fallback={<Loading />}>
          <FundSankey links={d.flow.links} label={label} />
        </Suspense>
      </section>
      <section className="card">
        <h3>{t('fund.public.expenses')}</h3>
        {d.expenses.length === 0 && <p>{t('fund.public.none')}</p>}
        <ul data-testid="public-expenses">
          {d.expenses.map((e) => (
            <li key={e.id}>
              {e.paidAt ? when(e.paidAt) : ''} {e.purpose}（{e.payee}）¥{yuan(e.amountFen)}{' '}
              {e.hasReceipt && (
                <a href={`${base}/receipts/${e.id}`} target="_blank" rel="noreferrer">
                  {t('fund.public.receipt')}
                </a>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h3>{t('fund.public.entries')}</h3>
        <ol reversed>
          {d.entries.map((e) => (
            <li key={e.seq}>
              #{e.seq} {when(e.at)} {e.memo}
              {e.party ? `（${e.party}）` : ''}：{e.lines.map((l) => `${label(l.account)} ${yuan(l.fen)}`).join('；')}
            </li>
          ))}
        </ol>
      </section>
      <section className="card">
        <h3>{t('fund.public.heads')}</h3>
        <ul>
          {d.heads.map((h) => (
            <li key={h.size}>
              {when(h.timestamp)} · {h.size} · <code>{h.root.slice(0, 16)}…</code>
            </li>
          ))}
        </ul>
        <h3>{t('fund.public.verify')}</h3>
        <p>{t('fund.public.verifyText')}</p>
        <p>
          {t('fund.public.key')}：
          {d.keys.map((k) => (
            <code key={k.keyId} data-testid="fund-key">
              {k.publicKey}
            </code>
          ))}
        </p>
        <p>
          <a href={`${base}/ledger.jsonl`} download>
            {t('fund.public.download')}
          </a>{' '}
          · <a href={`${base}/report.pdf`}>{t('fund.public.pdf')}</a> ·{' '}
          <a href={`${base}/report.xlsx`}>{t('fund.public.xlsx')}</a>
        </p>
      </section>
    </div>
  );
}
