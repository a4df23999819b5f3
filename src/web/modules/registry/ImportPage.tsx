/**
 * Register import/export for community staff. An import is all-or-nothing: when the server refuses it
 * (IMPORT_FAILED) the per-row errors are listed; otherwise the created/updated counts are shown.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { api, ApiError, qs } from '../../api/client.ts';
import type { ImportResult, ImportRowError } from '../../api/types.ts';
import { useAccount } from '../../app/auth.tsx';
import { useCommunities } from '../../lib/places.ts';
import { placeName } from '../../lib/format.ts';

type Outcome =
  | { kind: 'ok'; result: ImportResult }
  | { kind: 'failed'; message: string; rows: ImportRowError[] }
  | { kind: 'error'; message: string };

/** The page. */
export default function ImportPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const communities = useCommunities(account);
  const [community, setCommunity] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (!community && communities.data?.[0]) setCommunity(communities.data[0].code);
  }, [communities.data, community]);

  const upload = async () => {
    if (!file || !community) return;
    setBusy(true);
    setOutcome(null);
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const result = await api<ImportResult>('POST', `/api/registry/import${qs({ community })}`, fd);
      setOutcome({ kind: 'ok', result });
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details)) {
        setOutcome({ kind: 'failed', message: e.message, rows: e.details as ImportRowError[] });
      } else setOutcome({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const q = qs({ community });
  return (
    <div className="s-pad">
      <Typography.Title level={3}>{t('import.title')}</Typography.Title>
      {communities.error && <Alert type="error" showIcon title={communities.error.message} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('import.community')}</span>
          <Select
            style={{ minWidth: 180 }}
            value={community ?? undefined}
            onChange={(v: string) => setCommunity(v)}
            options={communities.data?.map((c) => ({ value: c.code, label: placeName(c) }))}
          />
        </Space>
        <Card title={t('import.template')} size="small">
          <Space wrap>
            <Button href="/api/registry/template.xlsx">{t('import.templateXlsx')}</Button>
            <Button href="/api/registry/template.csv">{t('import.templateCsv')}</Button>
          </Space>
        </Card>
        <Card title={t('import.upload')} size="small">
          <Typography.Paragraph type="secondary">{t('import.rule')}</Typography.Paragraph>
          <Space wrap>
            <input
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              aria-label={t('import.choose')}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <Button
              type="primary"
              disabled={!file || !community}
              loading={busy}
              onClick={() => void upload()}
              data-testid="import-start"
            >
              {busy ? t('import.importing') : t('import.start')}
            </Button>
          </Space>
        </Card>
        {outcome?.kind === 'ok' && (
          <Alert
            type="success"
            showIcon
            data-testid="import-ok"
            title={t('import.ok')}
            description={t('import.counts', {
              hc: outcome.result.households.created,
              hu: outcome.result.households.updated,
              rc: outcome.result.residents.created,
              ru: outcome.result.residents.updated,
            })}
          />
        )}
        {outcome?.kind === 'error' && <Alert type="error" showIcon title={outcome.message} />}
        {outcome?.kind === 'failed' && (
          <>
            <Alert type="error" showIcon title={outcome.message} />
            <Table<ImportRowError>
              size="small"
              data-testid="import-errors"
              rowKey={(r) => `${r.row}-${r.column}-${r.code}`}
              dataSource={outcome.rows}
              pagination={outcome.rows.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: true }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                { title: t('import.column'), dataIndex: 'column', width: 140 },
                { title: t('import.code'), dataIndex: 'code', width: 180 },
                { title: t('import.message'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
        <Card title={t('import.export')} size="small">
          <Space wrap>
            <Button href={`/api/registry/export.xlsx${q}`}>{t('import.exportXlsx')}</Button>
            <Button href={`/api/registry/export.csv${q}`}>{t('import.exportCsv')}</Button>
          </Space>
        </Card>
      </Space>
    </div>
  );
}
