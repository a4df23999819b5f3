/** Table columns shared by the grid panel, the search page and the household page. */
import type { TFunction } from 'i18next';
import type { TableColumnsType as ColumnsType } from 'antd';
import { Tag } from 'antd';
import type { HouseholdItem, Resident, ResidentHit } from '../../api/types.ts';

/** "第3网格" for a 14/15-digit grid code (the sequence follows the 12-digit community code). */
export function gridLabel(t: TFunction, code: string | null): string {
  if (code === null) return '—'; // a household not (yet) placed in a grid
  const seq = Number(code.slice(12));
  return code.length >= 14 && seq > 0 ? t('map.gridShort', { seq }) : code;
}

/** Household list columns; `withGrid` adds the grid code. */
export function householdColumns(t: TFunction, withGrid: boolean): ColumnsType<HouseholdItem> {
  const cols: ColumnsType<HouseholdItem> = [
    { title: t('household.building'), dataIndex: 'buildingName' },
    { title: t('household.unit'), dataIndex: 'unit' },
    { title: t('household.room'), dataIndex: 'room' },
    { title: t('household.area'), dataIndex: 'areaM2', align: 'right', render: (v: number) => v.toFixed(2) },
    { title: t('household.owner'), dataIndex: 'ownerName' },
    { title: t('household.residents'), dataIndex: 'residents', align: 'right' },
  ];
  if (withGrid)
    cols.push({ title: t('household.grid'), dataIndex: 'gridCode', render: (v: string) => gridLabel(t, v) });
  return cols;
}

/** Tags rendered as text chips (translated when known). */
function renderTags(t: TFunction, tags: string[]) {
  return tags.map((g) => <Tag key={g}>{t(`tag.${g}`, { defaultValue: g })}</Tag>);
}

/** Resident columns (values already masked by the server). */
export function residentColumns<R extends Resident>(t: TFunction, extra: ColumnsType<R> = []): ColumnsType<R> {
  return [
    {
      title: t('person.name'),
      dataIndex: 'name',
      render: (v: string, r) => (r.protected ? <span title={t('person.protected')}>🔒 {v}</span> : v),
    },
    { title: t('person.gender'), dataIndex: 'gender', render: (v: string | null) => (v ? t(`person.${v}`) : '') },
    { title: t('person.age'), dataIndex: 'age', align: 'right' },
    {
      title: t('person.relation'),
      dataIndex: 'relation',
      render: (v: string | null) => (v ? t(`person.relations.${v}`, { defaultValue: v }) : ''),
    },
    {
      title: t('person.phone'),
      dataIndex: 'phone',
      render: (v: string | null) => <span data-testid="cell-phone">{v}</span>,
    },
    {
      title: t('person.idNumber'),
      dataIndex: 'idNumber',
      render: (v: string | null) => <span data-testid="cell-id">{v}</span>,
    },
    { title: t('person.tags'), dataIndex: 'tags', render: (v: string[]) => renderTags(t, v ?? []) },
    ...extra,
  ];
}

/** Search hit columns: residents plus address and grid. */
export function hitColumns(t: TFunction): ColumnsType<ResidentHit> {
  return residentColumns<ResidentHit>(t, [
    { title: t('person.address'), dataIndex: 'address' },
    { title: t('person.grid'), dataIndex: 'gridCode', render: (v: string) => <span title={v}>{gridLabel(t, v)}</span> },
  ]);
}
