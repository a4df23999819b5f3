/** What-if result: coverage before and after per threshold, elderly and children first. */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Table, Typography } from 'antd';
import type { WhatIf } from './api.ts';

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${Math.round(x * 1000) / 10}`;

/** The panel. */
export function WhatIfPanel({
  title,
  result,
  error,
  onReset,
}: {
  title: string | null;
  result: WhatIf | null;
  error: string | null;
  onReset(): void;
}) {
  const { t } = useTranslation();
  const keys = result ? Object.keys(result.before) : [];
  const rows = keys.flatMap((k) =>
    (['elderly', 'children', 'households'] as const).map((m) => ({
      key: `${k}-${m}`,
      th: k,
      m,
      b: result!.before[k]!.share[m],
      a: result!.after[k]!.share[m],
    })),
  );
  return (
    <div className="circle-panel" data-testid="whatif-panel">
      <Typography.Paragraph type="secondary">{t('circle.whatifHint')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon />}
      {title && (
        <Typography.Paragraph strong data-testid="whatif-title">
          {title}
        </Typography.Paragraph>
      )}
      {result && (
        <>
          <Table
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="whatif-table"
            columns={[
              { title: t('circle.threshold'), key: 'th', render: (_, r) => t(`circle.thresholds.${r.th}`) },
              { title: '', key: 'm', render: (_, r) => t(`circle.${r.m}`) },
              { title: t('circle.before'), key: 'b', align: 'right', render: (_, r) => pct(r.b) },
              { title: t('circle.after'), key: 'a', align: 'right', render: (_, r) => pct(r.a) },
              {
                title: t('circle.change'),
                key: 'd',
                align: 'right',
                render: (_, r) => (
                  <b className={r.a > r.b ? 'cv-good' : r.a < r.b ? 'cv-low' : ''}>{signed(r.a - r.b)}</b>
                ),
              },
            ]}
          />
          <Button className="circle-gap" onClick={onReset}>
            {t('circle.reset')}
          </Button>
        </>
      )}
    </div>
  );
}
