/** The case's title line (class, status, level, urgent/supervised/overdue tags) and a pending extension. */
import { useTranslation } from 'react-i18next';
import { Alert, Space, Tag, Typography } from 'antd';
import type { CaseView } from '../../../../api/cases.ts';
import { Link } from '../../../../app/router.tsx';
import { levelText } from '../../labels.ts';
import { OverdueTag, StatusTag } from '../tags.tsx';

/** Props: the case. */
export function CaseHeader({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap align="center" className="cs-gap">
        <Link to="/cases">← {t('cases.staff.backToList')}</Link>
        <Typography.Title level={3} className="cs-title">
          {c.categoryName}
        </Typography.Title>
        <StatusTag status={c.status} />
        <Tag data-testid="case-level">{t('cases.staff.levelTag', { level: levelText(c.level) })}</Tag>
        {c.urgent && <Tag color="red">⚡ {t('cases.urgent')}</Tag>}
        {c.supervised && <Tag color="purple">⚑ {t('cases.supervised')}</Tag>}
        {c.overdue && <OverdueTag />}
      </Space>
      {c.pendingExtension && (
        <Alert
          className="cs-gap"
          type="info"
          showIcon
          title={t('cases.staff.pendingExt', {
            amount: c.pendingExtension.amount,
            unit: t(`cases.unit.${c.pendingExtension.unit}`),
            reason: c.pendingExtension.reason,
          })}
        />
      )}
    </>
  );
}
