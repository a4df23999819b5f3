/**
 * Settlement (结算): pick a closed period, see gross profit per channel and product and the fund's share, settle
 * (the share moves to the community fund as one ledger entry; settling again moves nothing), and the history.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Space, Table, Typography } from 'antd';
import { formatYuan } from '../../../server/modules/shop/domain/money.ts';
import { useAccount } from '../../app/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import './shop.css';
import { newKey, shopApi } from './api.ts';

/** The page. */
export default function SettlementPage() {
  const { t } = useTranslation();
  const me = useAccount();
  const { message } = AntApp.useApp();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [v, setV] = useState(0);
  const [key, setKey] = useState(newKey);
  const [done, setDone] = useState<string | null>(null);
  const preview = useAsync(() => (from && to ? shopApi.preview(from, to) : undefined), [from, to, v]);
  const history = useAsync(() => shopApi.settlements(), [v]);
  const settings = useAsync(() => shopApi.settings(), [v]);
  const [share, setShare] = useState<number | null>(null);
  const canSettle = me.role === 'community_staff';
  const settle = async () => {
    try {
      const r = await shopApi.settle(from, to, key);
      setDone(t('shop.settlement.done', { share: formatYuan(r.settlement.shareFen) }));
      setKey(newKey());
      setV((x) => x + 1);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const p = preview.data;
  return (
    <div className="s-pad">
      <Typography.Title level={3}>
        {t('shop.name')} · {t('shop.settlement.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('shop.settlement.period')}</span>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="period-from" />
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="period-to" />
        {canSettle && (
          <>
            <span>{t('shop.settlement.share')}</span>
            <InputNumber
              min={0}
              max={100}
              value={share ?? (settings.data ? settings.data.fundShareBp / 100 : null)}
              onChange={(x) => setShare(x === null ? null : Number(x))}
            />
            <Button
              disabled={share === null}
              onClick={() => void shopApi.saveSettings(Math.round((share ?? 0) * 100)).then(() => setV((x) => x + 1))}
            >
              {t('shop.settlement.saveShare')}
            </Button>
          </>
        )}
      </Space>
      {preview.error && <Alert type="error" message={preview.error.message} />}
      {p && (
        <Card>
          <Space size="large" wrap>
            <span>
              {t('shop.settlement.revenue')}: ¥{formatYuan(p.revenueFen)}
            </span>
            <span>
              {t('shop.settlement.cost')}: ¥{formatYuan(p.costFen)}
            </span>
            <span data-testid="gross-profit">
              {t('shop.settlement.profit')}: ¥{formatYuan(p.grossProfitFen)}
            </span>
            <span className="shop-stat" data-testid="share">
              {t('shop.settlement.toFund')} ({p.shareBp / 100}%): ¥{formatYuan(p.shareFen)}
            </span>
            {canSettle && (
              <Button type="primary" onClick={() => void settle()} data-testid="settle">
                {t('shop.settlement.run')}
              </Button>
            )}
          </Space>
          {done && <Alert style={{ marginTop: 12 }} type="success" message={done} data-testid="settled" />}
          <Table
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey="channel"
            dataSource={p.byChannel}
            columns={[
              { title: t('shop.settlement.channel'), render: (_, c) => t(`shop.settlement.channels.${c.channel}`) },
              { title: t('shop.settlement.revenue'), render: (_, c) => formatYuan(c.revenueFen) },
              { title: t('shop.settlement.cost'), render: (_, c) => formatYuan(c.costFen) },
              { title: t('shop.settlement.profit'), render: (_, c) => formatYuan(c.grossProfitFen) },
            ]}
          />
          <Table
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey={(r) => `${r.channel}-${r.productId}`}
            dataSource={p.byProduct}
            columns={[
              { title: t('shop.settlement.channel'), render: (_, c) => t(`shop.settlement.channels.${c.channel}`) },
              { title: t('shop.till.product'), dataIndex: 'name' },
              { title: t('shop.till.qty'), dataIndex: 'qty' },
              { title: t('shop.settlement.revenue'), render: (_, c) => formatYuan(c.revenueFen) },
              { title: t('shop.settlement.profit'), render: (_, c) => formatYuan(c.grossProfitFen) },
            ]}
          />
        </Card>
      )}
      <Table
        style={{ marginTop: 16 }}
        size="small"
        title={() => t('shop.settlement.history')}
        rowKey="id"
        dataSource={history.data?.items ?? []}
        columns={[
          { title: t('shop.settlement.period'), render: (_, s) => `${s.from} – ${s.to}` },
          { title: t('shop.settlement.profit'), render: (_, s) => formatYuan(s.grossProfitFen) },
          { title: t('shop.settlement.toFund'), render: (_, s) => `${formatYuan(s.shareFen)} (${s.shareBp / 100}%)` },
          { title: t('shop.settlement.fundTx'), render: (_, s) => s.fundTransactionId ?? '—' },
        ]}
      />
    </div>
  );
}
