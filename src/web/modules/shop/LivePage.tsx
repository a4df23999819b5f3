/**
 * Live streams (直播带货): the sessions, a live board that polls every 5 s (orders and revenue as they arrive), and
 * the import of the platform's order export; a refused file lists its broken rows (nothing was written).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { formatShanghai } from '../../../shared/time.ts';
import { formatYuan } from '../../../server/modules/shop/domain/money.ts';
import { ApiError } from '../../api/client.ts';
import { useAsync } from '../../lib/useAsync.ts';
import './shop.css';
import { shopApi, type ImportResult } from './api.ts';

const PLATFORMS = ['douyin', 'kuaishou', 'channels', 'taobao', 'other'];
interface RowError {
  row: number;
  column: string;
  message: string;
}

/** The page. */
export default function LivePage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [v, setV] = useState(0);
  const sessions = useAsync(() => shopApi.sessions(), [v]);
  const products = useAsync(() => shopApi.products(), []);
  const [picked, setPicked] = useState<string | null>(null);
  const id = picked ?? sessions.data?.items[0]?.id ?? null;
  const [tick, setTick] = useState(0);
  const board = useAsync(() => (id ? shopApi.board(id) : undefined), [id, tick]);
  const [creating, setCreating] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failed, setFailed] = useState<{ message: string; rows: RowError[] } | null>(null);
  useEffect(() => {
    const h = setInterval(() => setTick((x) => x + 1), 5000);
    return () => clearInterval(h);
  }, []);
  const upload = async (f: File | undefined) => {
    if (!f || !id) return;
    setResult(null);
    setFailed(null);
    try {
      setResult(await shopApi.importOrders(id, f));
      setTick((x) => x + 1);
    } catch (e) {
      const rows = e instanceof ApiError ? ((e.details as { errors?: RowError[] } | undefined)?.errors ?? []) : [];
      setFailed({ message: e instanceof Error ? e.message : String(e), rows });
    }
  };
  const b = board.data;
  return (
    <div className="s-pad">
      <Typography.Title level={3}>
        {t('shop.name')} · {t('shop.live.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 320 }}
          value={id}
          onChange={setPicked}
          data-testid="session-select"
          options={(sessions.data?.items ?? []).map((s) => ({
            value: s.id,
            label: `${formatShanghai(s.startsAt, i18n.language)} · ${t(`shop.platforms.${s.platform}`)} · ${s.title}`,
          }))}
        />
        <Button onClick={() => setCreating(true)}>{t('shop.live.newSession')}</Button>
      </Space>
      {b && (
        <Card
          title={`${t('shop.live.board')} · ${b.session.title} · ${b.session.host}`}
          extra={t('shop.live.refreshing')}
        >
          <Row gutter={16}>
            <Col span={6}>
              <div>{t('shop.live.orders')}</div>
              <div className="shop-stat" data-testid="board-orders">
                {b.orders}
              </div>
            </Col>
            <Col span={6}>
              <div>{t('shop.live.revenue')}</div>
              <div className="shop-stat" data-testid="board-revenue">
                ¥{formatYuan(b.revenueFen)}
              </div>
            </Col>
            <Col span={12}>
              <div>{t('shop.live.import')}</div>
              <input
                type="file"
                accept=".csv,.xlsx"
                data-testid="import-file"
                onChange={(e) => void upload(e.target.files?.[0])}
              />
            </Col>
          </Row>
          {result && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              data-testid="import-result"
              message={t('shop.live.imported', { ...result })}
            />
          )}
          {failed && (
            <Alert
              style={{ marginTop: 12 }}
              type="error"
              data-testid="import-failed"
              message={failed.message}
              description={
                <ul>
                  {failed.rows.map((r) => (
                    <li key={`${r.row}-${r.column}`}>
                      {t('shop.live.row', { row: r.row })} {r.column}: {r.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col xs={24} md={10}>
              <Table
                size="small"
                title={() => t('shop.live.byProduct')}
                rowKey="productId"
                pagination={false}
                dataSource={b.byProduct}
                columns={[
                  { title: t('shop.till.product'), dataIndex: 'name' },
                  { title: t('shop.till.qty'), dataIndex: 'qty' },
                  { title: t('shop.live.revenue'), render: (_, p) => formatYuan(p.revenueFen) },
                ]}
              />
            </Col>
            <Col xs={24} md={14}>
              <Table
                size="small"
                title={() => t('shop.live.latest')}
                rowKey="saleId"
                pagination={false}
                dataSource={b.latest}
                columns={[
                  { title: t('shop.receipt.time'), render: (_, o) => formatShanghai(o.soldAt, i18n.language) },
                  { title: '#', dataIndex: 'platformOrderId' },
                  { title: t('shop.till.product'), render: (_, o) => `${o.name} × ${o.qty}` },
                  { title: t('shop.till.amount'), render: (_, o) => formatYuan(o.totalFen) },
                ]}
              />
            </Col>
          </Row>
        </Card>
      )}
      <Modal
        open={creating}
        title={t('shop.live.newSession')}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          initialValues={{ platform: 'douyin', lineup: [] }}
          onFinish={async (f: {
            title: string;
            host: string;
            platform: string;
            starts: string;
            ends: string;
            lineup: string[];
          }) => {
            try {
              const s = await shopApi.addSession({
                title: f.title,
                host: f.host,
                platform: f.platform,
                startsAt: new Date(`${f.starts}:00+08:00`).toISOString(),
                endsAt: new Date(`${f.ends}:00+08:00`).toISOString(),
                lineup: f.lineup,
              });
              setCreating(false);
              setPicked(s.session.id);
              setV((x) => x + 1);
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          <Form.Item name="title" label={t('shop.live.sessionTitle')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="host" label={t('shop.live.host')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="platform" label={t('shop.live.platform')}>
            <Select options={PLATFORMS.map((p) => ({ value: p, label: t(`shop.platforms.${p}`) }))} />
          </Form.Item>
          <Form.Item name="starts" label={t('shop.live.starts')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="ends" label={t('shop.live.ends')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="lineup" label={t('shop.live.lineup')}>
            <Select
              mode="multiple"
              options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('shop.catalogue.save')}
          </Button>
        </Form>
      </Modal>
    </div>
  );
}
