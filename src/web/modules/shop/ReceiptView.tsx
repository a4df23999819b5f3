/**
 * A receipt on screen, laid out at the 58 mm width of a thermal printer (print CSS hides everything else), with the
 * return / refund form against this sale.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App as AntApp, Button, Checkbox, Input, InputNumber, Space, Table } from 'antd';
import { formatShanghai } from '../../../shared/time.ts';
import { formatYuan } from '../../../server/modules/shop/domain/money.ts';
import { newKey, shopApi, type Receipt } from './api.ts';

/** The receipt of one sale. */
export function ReceiptView({ receipt, cashier }: { receipt: Receipt; cashier: string }) {
  const { t, i18n } = useTranslation();
  const r = receipt;
  return (
    <div className="shop-receipt" data-testid="receipt">
      <h2>
        {t('shop.name')} · {t('shop.receipt.title')}
      </h2>
      <div>
        {t('shop.receipt.no')}: <span data-testid="receipt-no">{r.receiptNo}</span>
      </div>
      <div>
        {t('shop.receipt.time')}: {formatShanghai(r.soldAt, i18n.language)}
      </div>
      <div>
        {t('shop.receipt.cashier')}: {cashier}
      </div>
      <div className="r-sep" />
      {r.lines.map((l) => (
        <div key={l.id}>
          <div className="r-name">{l.name}</div>
          <div className="r-row">
            <span>
              {l.qty} {l.unit} × {formatYuan(l.unitPriceFen)}
            </span>
            <span>{formatYuan(l.totalFen)}</span>
          </div>
          {l.discountFen > 0 && (
            <div className="r-row">
              <span>{t('shop.till.discount')}</span>
              <span>-{formatYuan(l.discountFen)}</span>
            </div>
          )}
        </div>
      ))}
      <div className="r-sep" />
      <div className="r-row">
        <span>{t('shop.till.subtotal')}</span>
        <span>{formatYuan(r.subtotalFen)}</span>
      </div>
      {r.discountFen > 0 && (
        <div className="r-row">
          <span>{t('shop.till.discount')}</span>
          <span>-{formatYuan(r.discountFen)}</span>
        </div>
      )}
      <div className="r-row r-total">
        <span>{t('shop.till.total')}</span>
        <span data-testid="receipt-total">¥{formatYuan(r.totalFen)}</span>
      </div>
      <div className="r-row">
        <span>{t(`shop.methods.${r.paymentMethod}`)}</span>
        <span>{formatYuan(r.cashReceivedFen ?? r.totalFen)}</span>
      </div>
      {r.changeFen !== null && r.changeFen > 0 && (
        <div className="r-row">
          <span>{t('shop.receipt.change')}</span>
          <span>{formatYuan(r.changeFen)}</span>
        </div>
      )}
      {r.refundedFen > 0 && (
        <div className="r-row" data-testid="receipt-refunded">
          <span>{t('shop.receipt.refunded')}</span>
          <span>-{formatYuan(r.refundedFen)}</span>
        </div>
      )}
      <div className="r-sep" />
      <div className="r-foot">{t('shop.receipt.thanks')}</div>
    </div>
  );
}

/** Returns against a sale: quantity per line, reason, back on the shelf or not. */
export function RefundForm({ receipt, onDone }: { receipt: Receipt; onDone: (r: Receipt) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [qty, setQty] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const [restock, setRestock] = useState(true);
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const lines = Object.entries(qty)
    .filter(([, q]) => q > 0)
    .map(([lineId, q]) => ({ lineId, qty: q }));
  const submit = async () => {
    setBusy(true);
    try {
      const r = await shopApi.refund(receipt.id, { lines, reason, restock }, key);
      message.success(
        t('shop.receipt.refundDone', { amount: formatYuan(r.receipt.refundedFen - receipt.refundedFen) }),
      );
      setKey(newKey());
      setQty({});
      onDone(r.receipt);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="refund-form">
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={receipt.lines}
        columns={[
          { title: t('shop.till.product'), dataIndex: 'name' },
          { title: t('shop.till.qty'), render: (_, l) => `${l.qty - l.refundedQty} / ${l.qty}` },
          {
            title: t('shop.receipt.refundQty'),
            render: (_, l) => (
              <InputNumber
                min={0}
                max={l.qty - l.refundedQty}
                value={qty[l.id] ?? 0}
                onChange={(v) => setQty((s) => ({ ...s, [l.id]: Number(v ?? 0) }))}
                data-testid={`refund-qty-${l.lineNo}`}
              />
            ),
          },
        ]}
      />
      <Input
        placeholder={t('shop.receipt.refundReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="refund-reason"
      />
      <Checkbox checked={restock} onChange={(e) => setRestock(e.target.checked)}>
        {t('shop.receipt.restock')}
      </Checkbox>
      <Button
        danger
        disabled={!lines.length || !reason.trim()}
        loading={busy}
        onClick={submit}
        data-testid="refund-submit"
      >
        {t('shop.receipt.refund')}
      </Button>
    </Space>
  );
}
