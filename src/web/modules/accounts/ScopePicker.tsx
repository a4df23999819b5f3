/** Picks a place under the manager's own area by walking the place tree (children load on demand). */
import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { get } from '../../api/client.ts';
import type { PlaceRef, Role } from '../../api/types.ts';
import { placeName } from '../../lib/format.ts';

/** Roles each role may open accounts for (mirrors the server's rule table; the server decides). */
export const MANAGEABLE: Partial<Record<Role, Role[]>> = {
  district_admin: [
    'street_staff',
    'community_staff',
    'grid_worker',
    'shop_staff',
    'resident',
    'auditor',
    'district_admin',
  ],
  street_staff: ['community_staff', 'grid_worker', 'shop_staff', 'resident'],
  community_staff: ['grid_worker', 'shop_staff', 'resident'],
};

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (p: PlaceRef): Option => ({
  value: p.code,
  label: `${placeName(p)} ${p.code}`,
  isLeaf: p.kind === 'grid',
});

async function childrenOf(code: string): Promise<Option[]> {
  const r = await get<{ children: PlaceRef[] }>(`/api/places/${code}`);
  return r.children.map(toOption);
}

/** A Cascader whose value is the path of codes from the root's children down to the chosen place. */
export function ScopePicker({
  root,
  value,
  onChange,
}: {
  root: string;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    if (!root) return;
    void get<{ place: PlaceRef; children: PlaceRef[] }>(`/api/places/${root}`).then((r) =>
      setOptions([{ ...toOption(r.place), isLeaf: r.children.length === 0, children: r.children.map(toOption) }]),
    );
  }, [root]);
  return (
    <Cascader<Option>
      options={options}
      value={value}
      changeOnSelect
      onChange={(v) => onChange?.((v ?? []).map(String))}
      loadData={(path) => {
        const target = path[path.length - 1];
        if (!target) return;
        void childrenOf(target.value).then((kids) => {
          target.children = kids;
          target.isLeaf = kids.length === 0;
          setOptions((o) => [...o]);
        });
      }}
    />
  );
}
