/** 派遣/改派: the grids of the case's community, and the community's own inbox. */
import { useTranslation } from 'react-i18next';
import { Form, Select } from 'antd';
import type { CaseView } from '../../../../api/cases.ts';
import { get } from '../../../../api/client.ts';
import type { PlaceResponse } from '../../../../api/types.ts';
import { placeName } from '../../../../lib/format.ts';
import { useAsync } from '../../../../lib/useAsync.ts';

/** The handler to send the case to. */
export function DispatchFields({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const communityCode = c.communityCode;
  const targets = useAsync(
    () => (communityCode ? get<PlaceResponse>(`/api/places/${communityCode}`) : undefined),
    [communityCode],
  );
  // Grids have 14-digit codes; the place's other children are not handlers.
  const grids = (targets.data?.children ?? []).filter((p) => p.code.length >= 14);
  return (
    <Form.Item
      name="handlerCode"
      label={t('cases.staff.toGrid')}
      rules={[{ required: true, message: t('cases.staff.required') }]}
    >
      <Select
        data-testid="dispatch-target"
        loading={targets.loading}
        options={[
          ...grids.map((g) => ({ value: g.code, label: placeName(g) })),
          ...(communityCode ? [{ value: communityCode, label: t('cases.staff.communityInbox') }] : []),
        ]}
      />
    </Form.Item>
  );
}
