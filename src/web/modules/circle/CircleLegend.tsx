/** Legend of the life-circle map (colour is never the only signal: every swatch has its text). */
import { useTranslation } from 'react-i18next';
import { CIRCLE_COLOURS } from './mapStyle.ts';

const ITEMS = [
  ['gb', CIRCLE_COLOURS.gb],
  ['m5', CIRCLE_COLOURS.m5],
  ['m10', CIRCLE_COLOURS.m10],
  ['m15', CIRCLE_COLOURS.m15],
  ['more', CIRCLE_COLOURS.more],
  ['none', CIRCLE_COLOURS.none],
] as const;

/** The legend box. */
export function CircleLegend({ category, open }: { category: string; open: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="circle-legend" open={open}>
      <summary>{t('circle.legendTitle', { category })}</summary>
      <ul>
        {ITEMS.map(([k, c]) => (
          <li key={k}>
            <span className="cl-swatch" style={{ background: c }} />
            {t(`circle.legend.${k}`)}
          </li>
        ))}
        <li>
          <span className="cl-dot" style={{ background: CIRCLE_COLOURS.facility }} />
          {t('circle.legend.facility')}
        </li>
        <li>
          <span className="cl-dot cl-site">1</span>
          {t('circle.legend.site')}
        </li>
        <li>
          <span className="cl-swatch" style={{ background: CIRCLE_COLOURS.area, opacity: 0.6 }} />
          {t('circle.legend.area')}
        </li>
      </ul>
    </details>
  );
}
