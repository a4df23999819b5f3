/**
 * The buttons the server allows (`case.allowed`, in ORDER), a link that opens the place in a map app, and the
 * open action's form below them.
 */
import { useTranslation } from 'react-i18next';
import { Button, Card, Space, Typography } from 'antd';
import type { CaseView } from '../../../../api/cases.ts';
import { navigateUrl } from '../../labels.ts';
import { ActionForm } from './ActionForm.tsx';
import { actionsHere, ORDER } from './actions.ts';
import type { CaseActions } from './useCaseActions.ts';

const PRIMARY = new Set(['accept', 'resolve', 'verify']);

/** Props: the case and the action state from useCaseActions. */
export function ActionsCard({ c, actions }: { c: CaseView; actions: CaseActions }) {
  const { t } = useTranslation();
  const allowed = actionsHere(c.allowed);
  const [lon, lat] = c.location;
  return (
    <Card size="small" className="cs-gap" title={t('cases.staff.actions')}>
      {allowed.length === 0 && <Typography.Text type="secondary">{t('cases.staff.noActions')}</Typography.Text>}
      <Space wrap data-testid="case-actions">
        {ORDER.filter((a) => allowed.includes(a)).map((a) => (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={a === 'cancel'}
            loading={actions.busy === a}
            onClick={() => void actions.act(a)}
            data-action={a}
            size="large"
          >
            {t(`cases.action.${a}`)}
          </Button>
        ))}
        <Button href={navigateUrl(lon, lat, c.address ?? c.categoryName)} target="_blank" rel="noreferrer" size="large">
          ◎ {t('cases.staff.navigate')}
        </Button>
      </Space>
      {actions.form && (
        <div className="cs-gap-top">
          <ActionForm c={c} action={actions.form} onCancel={actions.closeForm} onDone={actions.formDone} />
        </div>
      )}
    </Card>
  );
}
