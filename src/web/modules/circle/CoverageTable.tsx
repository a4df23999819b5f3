/** Coverage per category for one profile and threshold: elderly and children first, then households and people. */
import { useTranslation } from 'react-i18next';
import { Table, Tag } from 'antd';
import type { CategoryInfo, Coverage } from './api.ts';

/** Categories that matter most for 一老一小 come first. */
const FIRST = [
  'elderly_day_care',
  'nursery',
  'kindergarten',
  'health_station',
  'community_canteen',
  'primary_school',
  'playground',
  'culture_station',
  'fitness',
  'wet_market',
  'nursing_home',
];

/** Category label in the UI language (labels come from the server's category table). */
export function catLabel(c: CategoryInfo | undefined, lang: string): string {
  return c ? (lang === 'en' ? c.en : c.zh) : '';
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const tone = (x: number): string => (x >= 0.85 ? 'cv-good' : x >= 0.5 ? 'cv-mid' : 'cv-low');

/** The table; a click on a row selects the category for the map. */
export function CoverageTable({
  cov,
  profile,
  threshold,
  selected,
  onSelect,
}: {
  cov: Coverage;
  profile: string;
  threshold: string;
  selected: string;
  onSelect(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const order = (id: string) => {
    const i = FIRST.indexOf(id);
    return i < 0 ? 100 + cov.categories.findIndex((c) => c.id === id) : i;
  };
  const rows = cov.categories
    .slice()
    .sort((a, b) => order(a.id) - order(b.id))
    .map((c) => {
      const r = cov.rows.find((x) => x.category === c.id && x.profile === profile && x.threshold === threshold);
      return { key: c.id, c, share: r?.share ?? { households: 0, people: 0, elderly: 0, children: 0 } };
    });
  const cell = (v: number) => <span className={`cv ${tone(v)}`}>{pct(v)}</span>;
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      sticky
      data-testid="coverage-table"
      rowClassName={(r) => (r.key === selected ? 'cv-selected' : '')}
      onRow={(r) =>
        ({ onClick: () => onSelect(r.key), 'data-category': r.key }) as React.HTMLAttributes<HTMLTableRowElement>
      }
      columns={[
        {
          title: t('circle.category'),
          key: 'c',
          width: '33%',
          render: (_, r) => (
            <span>
              {catLabel(r.c, i18n.language)} <Tag className="cv-level">{t(`circle.levels.${r.c.level}`)}</Tag>
              {r.c.required && (
                <Tag color="blue" className="cv-level">
                  {t('circle.required')}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t('circle.facilities'), key: 'n', align: 'right', width: 56, render: (_, r) => r.c.facilities },
        { title: t('circle.elderly'), key: 'e', align: 'right', render: (_, r) => cell(r.share.elderly) },
        { title: t('circle.children'), key: 'k', align: 'right', render: (_, r) => cell(r.share.children) },
        { title: t('circle.households'), key: 'h', align: 'right', render: (_, r) => cell(r.share.households) },
        { title: t('circle.people'), key: 'p', align: 'right', render: (_, r) => cell(r.share.people) },
      ]}
    />
  );
}
