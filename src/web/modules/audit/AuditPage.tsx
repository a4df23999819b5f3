/**
 * Audit log (auditor): who did what, when, where; before/after shown on expanding a row. The kind filter shows
 * the reads of personal data (ledger exports, unmasked household pages, number searches, case reporters, patrol
 * tracks) apart from changes. Personal fields in before/after arrive masked from the server.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { get, qs } from '../../api/client.ts';
import type { AuditEntry, Page } from '../../api/types.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { dateTime } from '../../lib/format.ts';

interface Filters {
  code: string;
  entity: string;
  /** '' = all, 'read' = reads of personal data, 'write' = changes. */
  kind: '' | 'read' | 'write';
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>—</span>;
  return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The page. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ code: '', entity: '', kind: '' });
  const list = usePaged(
    (cursor) => get<Page<AuditEntry>>(`/api/audit${qs({ ...filters, cursor, pageSize: 50 })}`),
    [filters],
  );
  return (
    <div className="s-pad">
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <Form<Filters>
        layout="inline"
        className="s-toolbar"
        initialValues={filters}
        onFinish={(v) =>
          setFilters({ code: (v.code ?? '').trim(), entity: (v.entity ?? '').trim(), kind: v.kind ?? '' })
        }
      >
        <Form.Item name="code" label={t('audit.filterCode')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.filterEntity')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="kind" label={t('audit.filterKind')}>
          <Select
            data-testid="audit-kind"
            style={{ minWidth: 160 }}
            options={[
              { value: '', label: t('audit.kindAll') },
              { value: 'read', label: t('audit.kindRead') },
              { value: 'write', label: t('audit.kindWrite') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.search')}
        </Button>
      </Form>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        data-testid="audit-table"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        scroll={{ x: true }}
        expandable={{
          expandedRowRender: (r) => (
            <div className="audit-diff">
              {!r.read && (
                <div>
                  <b>{t('audit.before')}</b>
                  <Json value={r.before} />
                </div>
              )}
              <div>
                <b>{r.read ? t('audit.readDetail') : t('audit.after')}</b>
                <Json value={r.after} />
              </div>
            </div>
          ),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (v: string) => dateTime(v) },
          {
            title: t('audit.actor'),
            dataIndex: 'actorRole',
            render: (v: string, r) =>
              `${t(`roles.${v}`, { defaultValue: v })}${r.actorId ? ` · …${r.actorId.slice(-8)}` : ''}`,
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (v: string, r) => (r.read ? <Tag color="orange">{t('audit.readAction')}</Tag> : v),
          },
          { title: t('audit.entity'), dataIndex: 'entity' },
          {
            title: t('audit.entityId'),
            dataIndex: 'entityId',
            render: (v: string | null) => (v ? <span title={v}>…{v.slice(-8)}</span> : ''),
          },
          { title: t('audit.scope'), dataIndex: 'scopeCode' },
        ]}
        pagination={false}
      />
      <LoadMore list={list} />
    </div>
  );
}
