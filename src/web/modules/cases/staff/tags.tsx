/** Status and overdue tags for the staff pages: words and a symbol, colour only as an extra. */
import { useTranslation } from 'react-i18next';
import { Tag } from 'antd';
import type { CaseStatus } from '../../../api/cases.ts';
import { statusText } from '../labels.ts';

const COLOUR: Partial<Record<CaseStatus, string>> = {
  registered: 'gold',
  dispatched: 'blue',
  handling: 'processing',
  resolved: 'cyan',
  closed: 'green',
  evaluated: 'green',
};

/** "⚙ 处置中" as a tag. */
export function StatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag color={COLOUR[status]} data-status={status}>
      {statusText(status)}
    </Tag>
  );
}

/** "⚠ 已超期" as a tag. */
export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="overdue-tag">
      ⚠ {t('cases.overdue')}
    </Tag>
  );
}
