/**
 * Products and stock: the catalogue (price and cost in ¥, barcode, supplier), stock per location with the
 * low-stock list, receipts / adjustments / stock-takes, the movements, and the suppliers with their contacts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { formatShanghai } from '../../../shared/time.ts';
import { formatYuan, parseYuan } from '../../../server/modules/shop/domain/money.ts';
import { useAsync } from '../../lib/useAsync.ts';
import './shop.css';
import { shopApi, type Product } from './api.ts';

const CATEGORIES = ['specialty', 'cultural', 'food', 'drink', 'craft', 'other'];
const KINDS = ['farmer', 'coop', 'company', 'artisan'];
type MoveKind = 'receipt' | 'adjustment' | 'stocktake';
const MOVE_LABEL = { receipt: 'receive', adjustment: 'adjust', stocktake: 'stocktake' } as const;

/** The page. */
export default function CataloguePage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [v, setV] = useState(0);
  const products = useAsync(() => shopApi.products(), [v]);
  const suppliers = useAsync(() => shopApi.suppliers(), [v]);
  const stock = useAsync(() => shopApi.stock(), [v]);
  const moves = useAsync(() => shopApi.moves(), [v]);
  const [adding, setAdding] = useState(false);
  const [addingSupplier, setAddingSupplier] = useState(false);
  const [moving, setMoving] = useState<{ product: Product; kind: MoveKind } | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setV((x) => x + 1);
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const levelOf = (id: string) =>
    (stock.data?.levels ?? [])
      .filter((l) => l.productId === id && l.location)
      .map((l) => `${t(`shop.locations.${l.location}`, l.location ?? '')} ${l.qty}`);
  const low = new Set((stock.data?.low ?? []).map((l) => l.productId));
  const supplierName = new Map((suppliers.data?.items ?? []).map((s) => [s.id, s.name]));
  return (
    <div className="s-pad">
      <Typography.Title level={3}>
        {t('shop.name')} · {t('shop.catalogue.title')}
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'products',
            label: t('shop.catalogue.products'),
            children: (
              <>
                <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
                  {t('shop.catalogue.add')}
                </Button>
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={products.data?.items ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    {
                      title: t('shop.catalogue.photo'),
                      render: (_, p) =>
                        p.photoIds[0] ? (
                          <img src={`/api/shop/photos/${p.photoIds[0]}`} alt={p.name} width={40} height={40} />
                        ) : (
                          <label className="shop-photo-add">
                            +
                            <input
                              type="file"
                              accept="image/jpeg,image/png,image/webp"
                              hidden
                              onChange={(e) => {
                                const f = e.target.files?.[0];
                                if (f) void run(() => shopApi.addPhoto(p.id, f));
                              }}
                            />
                          </label>
                        ),
                    },
                    { title: t('shop.catalogue.sku'), dataIndex: 'sku' },
                    { title: t('shop.catalogue.name'), dataIndex: 'name' },
                    { title: t('shop.catalogue.category'), render: (_, p) => t(`shop.categories.${p.category}`) },
                    { title: t('shop.catalogue.barcode'), dataIndex: 'barcode' },
                    { title: t('shop.catalogue.cost'), render: (_, p) => formatYuan(p.costFen) },
                    { title: t('shop.catalogue.price'), render: (_, p) => formatYuan(p.priceFen) },
                    {
                      title: t('shop.catalogue.supplier'),
                      render: (_, p) => supplierName.get(p.supplierId ?? '') ?? '',
                    },
                    {
                      title: t('shop.catalogue.stock'),
                      render: (_, p) => (
                        <Space size={4} wrap>
                          {levelOf(p.id).join(' · ')}
                          {low.has(p.id) && <Tag color="red">{t('shop.catalogue.low')}</Tag>}
                        </Space>
                      ),
                    },
                    {
                      title: '',
                      render: (_, p) => (
                        <Space size={4}>
                          {(['receipt', 'adjustment', 'stocktake'] as const).map((k) => (
                            <Button key={k} size="small" onClick={() => setMoving({ product: p, kind: k })}>
                              {t(`shop.catalogue.${MOVE_LABEL[k]}`)}
                            </Button>
                          ))}
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'low',
            label: `${t('shop.catalogue.low')} (${stock.data?.low.length ?? 0})`,
            children: (
              <Table
                size="small"
                rowKey="productId"
                dataSource={stock.data?.low ?? []}
                columns={[
                  { title: t('shop.catalogue.sku'), dataIndex: 'sku' },
                  { title: t('shop.catalogue.name'), dataIndex: 'name' },
                  { title: t('shop.catalogue.qty'), dataIndex: 'qty' },
                  { title: t('shop.catalogue.threshold'), dataIndex: 'threshold' },
                ]}
              />
            ),
          },
          {
            key: 'moves',
            label: t('shop.catalogue.moves'),
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={moves.data?.items ?? []}
                columns={[
                  { title: t('shop.catalogue.time'), render: (_, m) => formatShanghai(m.at, i18n.language) },
                  { title: t('shop.catalogue.name'), dataIndex: 'name' },
                  {
                    title: t('shop.catalogue.location'),
                    render: (_, m) => t(`shop.locations.${m.location}`, m.location),
                  },
                  { title: t('shop.catalogue.kind'), render: (_, m) => t(`shop.moveKinds.${m.kind}`) },
                  { title: t('shop.catalogue.delta'), dataIndex: 'delta' },
                  { title: t('shop.catalogue.qty'), dataIndex: 'qtyAfter' },
                  { title: t('shop.catalogue.reason'), dataIndex: 'reason' },
                ]}
              />
            ),
          },
          {
            key: 'suppliers',
            label: t('shop.catalogue.suppliers'),
            children: (
              <>
                <Button onClick={() => setAddingSupplier(true)} style={{ marginBottom: 12 }}>
                  {t('shop.catalogue.addSupplier')}
                </Button>
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={suppliers.data?.items ?? []}
                  columns={[
                    { title: t('shop.catalogue.name'), dataIndex: 'name' },
                    { title: t('shop.catalogue.kind'), render: (_, s) => t(`shop.supplierKinds.${s.kind}`) },
                    { title: t('shop.catalogue.contact'), dataIndex: 'contactName' },
                    { title: t('shop.catalogue.phone'), dataIndex: 'contactPhone' },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('shop.catalogue.add')}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={async (f: Record<string, string>) => {
            const ok = await run(() =>
              shopApi.addProduct({
                sku: f.sku,
                barcode: f.barcode || null,
                name: f.name,
                category: f.category,
                unit: f.unit,
                costFen: parseYuan(f.cost ?? '') ?? -1,
                priceFen: parseYuan(f.price ?? '') ?? -1,
                supplierId: f.supplierId || null,
              }),
            );
            if (ok) setAdding(false);
          }}
        >
          {(['sku', 'barcode', 'name', 'unit', 'cost', 'price'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`shop.catalogue.${k}`)} rules={[{ required: k !== 'barcode' }]}>
              <Input />
            </Form.Item>
          ))}
          <Form.Item name="category" label={t('shop.catalogue.category')} rules={[{ required: true }]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`shop.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="supplierId" label={t('shop.catalogue.supplier')}>
            <Select allowClear options={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('shop.catalogue.save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={addingSupplier}
        title={t('shop.catalogue.addSupplier')}
        footer={null}
        onCancel={() => setAddingSupplier(false)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={async (f: Record<string, string>) => {
            const body = {
              name: f.name,
              kind: f.kind,
              contactName: f.contact || undefined,
              contactPhone: f.phone || undefined,
            };
            if (await run(() => shopApi.addSupplier(body))) setAddingSupplier(false);
          }}
        >
          <Form.Item name="name" label={t('shop.catalogue.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('shop.catalogue.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`shop.supplierKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="contact" label={t('shop.catalogue.contact')}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('shop.catalogue.phone')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('shop.catalogue.save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={!!moving}
        title={moving?.product.name}
        footer={null}
        onCancel={() => setMoving(null)}
        destroyOnHidden
      >
        {moving && (
          <Form
            layout="vertical"
            initialValues={{ location: 'counter', n: moving.kind === 'adjustment' ? -1 : 1 }}
            onFinish={async (f: { location: string; n: number; reason?: string }) => {
              const base = { kind: moving.kind, productId: moving.product.id, location: f.location };
              const body =
                moving.kind === 'receipt'
                  ? { ...base, qty: f.n, ...(f.reason ? { reason: f.reason } : {}) }
                  : moving.kind === 'adjustment'
                    ? { ...base, delta: f.n, reason: f.reason ?? '' }
                    : { ...base, counted: f.n, ...(f.reason ? { reason: f.reason } : {}) };
              if (await run(() => shopApi.move(body))) setMoving(null);
            }}
          >
            <Form.Item name="location" label={t('shop.catalogue.location')}>
              <Select options={['counter', 'warehouse'].map((l) => ({ value: l, label: t(`shop.locations.${l}`) }))} />
            </Form.Item>
            <Form.Item
              name="n"
              label={t(
                moving.kind === 'receipt'
                  ? 'shop.catalogue.qty'
                  : moving.kind === 'adjustment'
                    ? 'shop.catalogue.delta'
                    : 'shop.catalogue.counted',
              )}
            >
              <InputNumber precision={0} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('shop.catalogue.reason')}
              rules={[{ required: moving.kind === 'adjustment' }]}
            >
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('shop.catalogue.save')}
            </Button>
          </Form>
        )}
      </Modal>
    </div>
  );
}
