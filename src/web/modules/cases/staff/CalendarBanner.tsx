/** Warns staff when this or next year's holiday table is missing or provisional (deadlines depend on it). */
import { useTranslation } from 'react-i18next';
import { Alert } from 'antd';
import { casesApi } from '../../../api/cases.ts';
import { useAsync } from '../../../lib/useAsync.ts';

/** The banner; renders nothing while loading, on error, or when the calendar is complete. */
export default function CalendarBanner() {
  const { t } = useTranslation();
  const status = useAsync(() => casesApi.calendarStatus(), []);
  const w = status.data?.warning;
  if (!w) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="cs-gap"
      data-testid="calendar-banner"
      title={t(w.state === 'missing' ? 'cases.calendarMissing' : 'cases.calendarProvisional', { year: w.year })}
    />
  );
}
