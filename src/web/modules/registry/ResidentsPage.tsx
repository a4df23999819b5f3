/** Resident search: by name or phone tail and tag, within the account's scope; values masked by the server. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, Input, Select, Table, Typography } from 'antd';
import { get, qs } from '../../api/client.ts';
import type { Page, ResidentHit } from '../../api/types.ts';
import { useAccount } from '../../app/auth.tsx';
import { navigate } from '../../app/router.tsx';
import { usePaged } from '../../lib/usePaged.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { placeName } from '../../lib/format.ts';
import { useCommunities } from '../../lib/places.ts';
import { hitColumns } from './columns.tsx';
import { VOCAB } from './ResidentForm.tsx';

const PAGE_SIZE = 50;

interface Filters {
  code: string;
  q: string;
  tag: string;
}

/** The page. */
export default function ResidentsPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const communities = useCommunities(account);
  const [filters, setFilters] = useState<Filters>({ code: account.scope.code, q: '', tag: '' });
  const hits = usePaged(
    (cursor) => get<Page<ResidentHit>>(`/api/residents${qs({ ...filters, cursor, pageSize: PAGE_SIZE })}`),
    [filters],
  );
  const scopes = [
    { value: account.scope.code, label: placeName(account.scope) },
    ...(communities.data ?? [])
      .filter((c) => c.code !== account.scope.code)
      .map((c) => ({ value: c.code, label: placeName(c) })),
  ];
  return (
    <div className="s-pad">
      <Typography.Title level={3}>{t('search.title')}</Typography.Title>
      <Form<Filters>
        layout="inline"
        className="s-toolbar"
        initialValues={filters}
        onFinish={(v) => setFilters({ code: v.code, q: (v.q ?? '').trim(), tag: v.tag ?? '' })}
      >
        <Form.Item name="code" label={t('search.scope')}>
          <Select options={scopes} style={{ minWidth: 160 }} />
        </Form.Item>
        <Form.Item name="q" label={t('search.q')}>
          <Input allowClear name="q" data-testid="search-q" />
        </Form.Item>
        <Form.Item name="tag" label={t('search.tag')}>
          <Select
            style={{ minWidth: 140 }}
            options={[
              { value: '', label: t('search.anyTag') },
              ...VOCAB.TAGS.map((x) => ({ value: x, label: t(`tag.${x}`) })),
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="search-submit">
          {t('search.submit')}
        </Button>
      </Form>
      {hits.error && <Alert type="error" showIcon title={hits.error.message} style={{ marginBottom: 16 }} />}
      <Table<ResidentHit>
        size="small"
        rowKey="id"
        data-testid="resident-results"
        loading={hits.loading && hits.items.length === 0}
        dataSource={hits.items}
        columns={hitColumns(t)}
        scroll={{ x: true }}
        locale={{ emptyText: t('search.empty') }}
        onRow={(r) => ({ onClick: () => navigate(`/households/${r.householdId}`), className: 's-clickable' })}
        pagination={false}
      />
      <LoadMore list={hits} />
    </div>
  );
}
