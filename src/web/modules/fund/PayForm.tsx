/**
 * Paying an approved expense: invoice number (and code for a paper invoice) and the receipt photo. One
 * Idempotency-Key is made when the form opens and reused for every retry of this payment, so a retried or
 * double-clicked submission can never pay twice.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Input, Space } from 'antd';
import { fundApi, yuan, type Expense } from './api.ts';

async function base64Of(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The payment form of one expense. */
export function PayForm({ expense, onDone, onCancel }: { expense: Expense; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [key] = useState(fundApi.newKey);
  const [invoice, setInvoice] = useState('');
  const [invoiceCode, setInvoiceCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pay = async () => {
    if (!file) return setError(t('fund.expense.receipt'));
    setBusy(true);
    setError(null);
    try {
      const receiptBase64 = await base64Of(file);
      await fundApi.pay(
        expense.id,
        { invoiceNumber: invoice.trim(), invoiceCode: invoiceCode.trim() || null, receiptBase64 },
        key,
      );
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={`${t('fund.expense.pay')}：${expense.purpose} ¥${yuan(expense.amountFen)}`}
      data-testid="pay-form"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input
          placeholder={t('fund.expense.invoice')}
          aria-label={t('fund.expense.invoice')}
          value={invoice}
          onChange={(e) => setInvoice(e.target.value)}
          data-testid="pay-invoice"
        />
        <Input
          placeholder={t('fund.expense.invoiceCode')}
          aria-label={t('fund.expense.invoiceCode')}
          value={invoiceCode}
          onChange={(e) => setInvoiceCode(e.target.value)}
        />
        <label>
          {t('fund.expense.receipt')}{' '}
          <input
            type="file"
            accept="image/jpeg,image/png"
            data-testid="pay-receipt"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        {error && <Alert type="error" showIcon message={error} />}
        <Space>
          <Button type="primary" loading={busy} onClick={() => void pay()} data-testid="pay-confirm">
            {t('fund.expense.confirmPay')}
          </Button>
          <Button onClick={onCancel}>{t('app.back')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
