/**
 * The till (收银): a barcode scanner types the code and Enter (so the scan field is an ordinary input), quantities
 * and discounts per line, a sale discount, the payment method, checkout with an Idempotency-Key kept until the
 * sale is booked (a retried click never books twice), the receipt at 58 mm, today's sales and returns.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Typography,
} from 'antd';
import type { InputRef } from 'antd';
import { shanghaiDate } from '../../../shared/time.ts';
import { formatYuan, parseYuan } from '../../../server/modules/shop/domain/money.ts';
import { useAccount } from '../../app/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { newKey, shopApi, type Product, type Receipt } from './api.ts';
import { ReceiptView, RefundForm } from './ReceiptView.tsx';
import './shop.css';

interface CartLine {
  product: Product;
  qty: number;
  discount: string;
}
const METHODS = ['wechat', 'alipay', 'cash', 'bank'] as const;
const fen = (yuan: string): number => (yuan.trim() === '' ? 0 : (parseYuan(yuan) ?? Number.NaN));

/** The page. */
export default function TillPage() {
  const { t } = useTranslation();
  const me = useAccount();
  const { message } = AntApp.useApp();
  const scan = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [cart, setCart] = useState<CartLine[]>([]);
  const [saleDiscount, setSaleDiscount] = useState('');
  const [method, setMethod] = useState<(typeof METHODS)[number]>('wechat');
  const [cash, setCash] = useState('');
  const [preOrder, setPreOrder] = useState(false);
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const today = shanghaiDate(new Date());
  const sales = useAsync(() => shopApi.sales(today, today), [receipt?.id, receipt?.refundedFen]);

  const add = async () => {
    const c = code.trim();
    setCode('');
    if (!c) return;
    const found = (await shopApi.products({ code: c })).items[0];
    if (!found) {
      message.error(t('shop.till.notFound', { code: c }));
      return;
    }
    setReceipt(null);
    setCart((lines) => {
      const i = lines.findIndex((l) => l.product.id === found.id);
      if (i < 0) return [...lines, { product: found, qty: 1, discount: '' }];
      return lines.map((l, j) => (j === i ? { ...l, qty: l.qty + 1 } : l));
    });
  };
  const subtotal = cart.reduce((s, l) => s + l.product.priceFen * l.qty, 0);
  const discounts = cart.reduce((s, l) => s + fen(l.discount), 0) + fen(saleDiscount);
  const total = subtotal - discounts;

  const checkout = async () => {
    setBusy(true);
    try {
      const body = {
        lines: cart.map((l) => ({ productId: l.product.id, qty: l.qty, discountFen: fen(l.discount) })),
        discountFen: fen(saleDiscount),
        paymentMethod: method,
        ...(method === 'cash' && cash ? { cashReceivedFen: fen(cash) } : {}),
        ...(preOrder ? { preOrder: true } : {}),
      };
      const r = await shopApi.sell(body, key);
      setReceipt(r.receipt);
      setCart([]);
      setSaleDiscount('');
      setCash('');
      setPreOrder(false);
      setKey(newKey());
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      scan.current?.focus();
    }
  };

  return (
    <div className="s-pad">
      <Typography.Title level={3}>
        {t('shop.name')} · {t('shop.till.title')}
      </Typography.Title>
      <div className="shop-till">
        <Card>
          <Input
            ref={scan}
            className="shop-scan"
            autoFocus
            placeholder={t('shop.till.scan')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => void add()}
            data-testid="scan"
          />
          <Table
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey={(l) => l.product.id}
            dataSource={cart}
            locale={{ emptyText: t('shop.till.empty') }}
            columns={[
              { title: t('shop.till.product'), render: (_, l) => l.product.name },
              { title: t('shop.till.price'), render: (_, l) => formatYuan(l.product.priceFen) },
              {
                title: t('shop.till.qty'),
                render: (_, l, i) => (
                  <InputNumber
                    min={1}
                    max={10000}
                    precision={0}
                    value={l.qty}
                    data-testid={`qty-${i}`}
                    onChange={(v) => setCart((c) => c.map((x, j) => (j === i ? { ...x, qty: Number(v ?? 1) } : x)))}
                  />
                ),
              },
              {
                title: t('shop.till.lineDiscount'),
                render: (_, l, i) => (
                  <Input
                    style={{ width: 80 }}
                    value={l.discount}
                    onChange={(e) =>
                      setCart((c) => c.map((x, j) => (j === i ? { ...x, discount: e.target.value } : x)))
                    }
                  />
                ),
              },
              {
                title: t('shop.till.amount'),
                render: (_, l) => formatYuan(l.product.priceFen * l.qty - (fen(l.discount) || 0)),
              },
              {
                title: '',
                render: (_, _l, i) => (
                  <Button size="small" onClick={() => setCart((c) => c.filter((_x, j) => j !== i))}>
                    {t('shop.till.remove')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card>
          <Space direction="vertical" style={{ width: '100%' }}>
            <div>
              {t('shop.till.subtotal')}: ¥{formatYuan(subtotal)}
            </div>
            <Input
              addonBefore={t('shop.till.saleDiscount')}
              value={saleDiscount}
              onChange={(e) => setSaleDiscount(e.target.value)}
              data-testid="sale-discount"
            />
            <Radio.Group
              value={method}
              onChange={(e) => setMethod(e.target.value)}
              optionType="button"
              options={METHODS.map((m) => ({ value: m, label: t(`shop.methods.${m}`) }))}
              data-testid="method"
            />
            {method === 'cash' && (
              <Input
                addonBefore={t('shop.till.cashReceived')}
                value={cash}
                onChange={(e) => setCash(e.target.value)}
                data-testid="cash"
              />
            )}
            <Checkbox checked={preOrder} onChange={(e) => setPreOrder(e.target.checked)}>
              {t('shop.till.preOrder')}
            </Checkbox>
            <div className="shop-total" data-testid="till-total">
              {t('shop.till.total')}: ¥{Number.isNaN(total) ? '—' : formatYuan(total)}
            </div>
            <Button
              type="primary"
              size="large"
              block
              disabled={!cart.length || Number.isNaN(total) || total < 0}
              loading={busy}
              onClick={() => void checkout()}
              data-testid="checkout"
            >
              {t('shop.till.checkout')}
            </Button>
          </Space>
        </Card>
      </div>
      {receipt && (
        <Card style={{ marginTop: 16 }}>
          <Space align="start" wrap size="large">
            <ReceiptView receipt={receipt} cashier={me.displayName} />
            <Space direction="vertical">
              <Button onClick={() => window.print()} data-testid="print">
                {t('shop.receipt.print')}
              </Button>
              <RefundForm receipt={receipt} onDone={setReceipt} />
            </Space>
          </Space>
        </Card>
      )}
      {sales.error && <Alert type="error" message={sales.error.message} />}
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        dataSource={sales.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        onRow={(r) => ({ onClick: () => void shopApi.receipt(r.id).then((x) => setReceipt(x.receipt)) })}
        columns={[
          { title: t('shop.receipt.no'), dataIndex: 'receiptNo' },
          { title: t('shop.till.method'), render: (_, r) => t(`shop.methods.${r.paymentMethod}`) },
          { title: t('shop.till.total'), render: (_, r) => formatYuan(r.totalFen) },
          { title: t('shop.receipt.refunded'), render: (_, r) => (r.refundedFen ? formatYuan(r.refundedFen) : '') },
        ]}
      />
    </div>
  );
}
