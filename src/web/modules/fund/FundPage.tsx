/**
 * 社区基金 (staff): overview (balances, budgets vs actuals), expenses (request one from a case escalated "needs
 * money" or for a project; approve as a committee member; pay an approved one with invoice and receipt photo,
 * under one Idempotency-Key per payment attempt so a retry never pays twice), and the committee.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useAccount } from '../../app/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { fenOf, fundApi, yuan, type Expense } from './api.ts';
import { PayForm } from './PayForm.tsx';

const DEMO = '620702004006';

/** The page. */
export default function FundPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const { message } = App.useApp();
  const [code, setCode] = useState(account.scope?.code?.length === 12 ? account.scope.code : DEMO);
  const [tick, setTick] = useState(0);
  const ov = useAsync(() => fundApi.overview(code), [code, tick]);
  const ex = useAsync(() => fundApi.expenses(code), [code, tick]);
  const cm = useAsync(() => fundApi.committee(code), [code, tick]);
  const [paying, setPaying] = useState<Expense | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const refresh = () => setTick((n) => n + 1);
  const run = async (p: Promise<unknown>) => {
    setError(null);
    try {
      await p;
      message.success(t('fund.expense.done'));
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const status = (s: Expense['status']) => (
    <Tag color={s === 'paid' ? 'green' : s === 'approved' ? 'blue' : 'orange'}>{t(`fund.expense.status.${s}`)}</Tag>
  );
  const caseOptions = useMemo(
    () => [
      { value: '', label: t('fund.expense.noCase') },
      ...(ex.data?.moneyCases ?? []).map((c) => ({ value: c.id, label: `${c.no} ${c.description.slice(0, 40)}` })),
    ],
    [ex.data, t],
  );
  const submit = async (v: Record<string, string>) => {
    const amountFen = fenOf(v.amount ?? '');
    if (!amountFen) return setError(t('fund.expense.amount'));
    await run(
      fundApi.request(code, {
        ...(v.caseId ? { caseId: v.caseId } : { projectRef: v.projectRef }),
        purpose: v.purpose,
        payee: v.payee,
        amountFen,
        expenseAccount: v.expenseAccount ?? 'expense:repair',
        budgetLine: v.budgetLine,
        quote: v.quote,
      }),
    );
    form.resetFields();
  };
  const overview = (
    <>
      {ov.data && <Typography.Paragraph>{t('fund.awaiting', { n: ov.data.awaitingApproval })}</Typography.Paragraph>}
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={ov.data?.accounts ?? []}
        columns={[
          { title: t('fund.accounts.code'), dataIndex: 'code' },
          { title: t('fund.accounts.name'), dataIndex: 'name' },
          { title: t('fund.accounts.balance'), dataIndex: 'balanceFen', render: (v: string) => yuan(v) },
          {
            title: t('fund.accounts.budget'),
            dataIndex: 'budgetFen',
            render: (v: string | null) => (v ? yuan(v) : '—'),
          },
          { title: t('fund.accounts.actual'), dataIndex: 'actualFen', render: (v: string) => yuan(v) },
        ]}
      />
    </>
  );
  const expenses = (
    <>
      <Table
        rowKey="id"
        size="small"
        data-testid="fund-expenses"
        dataSource={ex.data?.items ?? []}
        columns={[
          { title: t('fund.expense.purpose'), dataIndex: 'purpose' },
          { title: t('fund.expense.payee'), dataIndex: 'payee' },
          { title: t('fund.expense.amount'), dataIndex: 'amountFen', render: (v: string) => yuan(v) },
          {
            title: '',
            key: 'status',
            render: (_: unknown, e: Expense) => (
              <Space wrap>
                {status(e.status)}
                {e.status === 'requested' && (
                  <>
                    <span>{t('fund.expense.approvals', { n: e.approvals.length, need: e.approvalsNeeded })}</span>
                    <Button
                      size="small"
                      data-testid={`approve-${e.id}`}
                      onClick={() => void run(fundApi.approve(e.id))}
                    >
                      {t('fund.expense.approve')}
                    </Button>
                  </>
                )}
                {e.status === 'approved' && (
                  <Button size="small" type="primary" data-testid={`pay-${e.id}`} onClick={() => setPaying(e)}>
                    {t('fund.expense.pay')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {paying && (
        <PayForm
          expense={paying}
          onDone={() => {
            setPaying(null);
            refresh();
          }}
          onCancel={() => setPaying(null)}
        />
      )}
      <Typography.Title level={5}>{t('fund.expense.request')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="expense-form">
        <Form.Item name="caseId" label={t('fund.expense.fromCase')} initialValue="">
          <Select options={caseOptions} data-testid="expense-case" />
        </Form.Item>
        <Form.Item name="projectRef" label={t('fund.expense.project')}>
          <Input />
        </Form.Item>
        <Form.Item name="purpose" label={t('fund.expense.purpose')} rules={[{ required: true }]}>
          <Input data-testid="expense-purpose" />
        </Form.Item>
        <Form.Item name="payee" label={t('fund.expense.payee')} rules={[{ required: true }]}>
          <Input data-testid="expense-payee" />
        </Form.Item>
        <Form.Item name="amount" label={t('fund.expense.amount')} rules={[{ required: true }]}>
          <Input inputMode="decimal" data-testid="expense-amount" />
        </Form.Item>
        <Form.Item name="expenseAccount" label={t('fund.expense.account')} initialValue="expense:repair">
          <Select options={[{ value: 'expense:repair' }, { value: 'expense:project' }]} />
        </Form.Item>
        <Form.Item name="budgetLine" label={t('fund.expense.budgetLine')} rules={[{ required: true }]}>
          <Input data-testid="expense-budget" />
        </Form.Item>
        <Form.Item name="quote" label={t('fund.expense.quote')} rules={[{ required: true }]}>
          <Input.TextArea data-testid="expense-quote" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="expense-submit">
          {t('fund.expense.submit')}
        </Button>
      </Form>
    </>
  );
  const committee = (
    <Table
      rowKey="accountId"
      size="small"
      pagination={false}
      dataSource={cm.data?.members ?? []}
      columns={[
        { title: t('fund.committee.name'), dataIndex: 'name' },
        { title: t('fund.committee.title'), dataIndex: 'title' },
      ]}
    />
  );
  return (
    <div className="s-pad">
      <Space wrap>
        <Typography.Title level={3}>{t('fund.title')}</Typography.Title>
        <Input
          aria-label={t('fund.community')}
          value={code}
          onChange={(e) => setCode(e.target.value.trim())}
          style={{ width: 160 }}
        />
      </Space>
      {(error || ov.error) && (
        <Alert type="error" showIcon message={error ?? ov.error?.message} data-testid="fund-error" />
      )}
      <Tabs
        items={[
          { key: 'overview', label: t('fund.tabs.overview'), children: overview },
          { key: 'expenses', label: t('fund.tabs.expenses'), children: expenses },
          { key: 'committee', label: t('fund.tabs.committee'), children: committee },
        ]}
      />
    </div>
  );
}
