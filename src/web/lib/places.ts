/**
 * Which communities a staff account can work in, derived from its scope: a grid worker's own community,
 * a community's staff their community, a street's communities, a district's streets' communities.
 */
import { get } from '../api/client.ts';
import type { Account, PlaceRef, PlaceResponse } from '../api/types.ts';
import { levelOfCode, parentCode } from '../../server/modules/registry/domain/codes.ts';
import { useAsync, type AsyncState } from './useAsync.ts';

async function communitiesOf(scopeCode: string): Promise<PlaceRef[]> {
  const level = levelOfCode(scopeCode);
  if (level === 'grid') {
    const c = parentCode(scopeCode);
    if (!c) return [];
    const r = await get<PlaceResponse>(`/api/places/${c}`);
    return [r.place];
  }
  const r = await get<PlaceResponse>(`/api/places/${scopeCode}`);
  if (level === 'community') return [r.place];
  if (level === 'street') return r.children.filter((c) => levelOfCode(c.code) === 'community');
  // District (or anything above): one level further down.
  const lists = await Promise.all(
    r.children.map((s) => get<PlaceResponse>(`/api/places/${s.code}`).then((x) => x.children)),
  );
  return lists.flat().filter((c) => levelOfCode(c.code) === 'community');
}

/** Communities reachable from the account's scope (loaded once per scope). */
export function useCommunities(account: Account): AsyncState<PlaceRef[]> {
  return useAsync(() => communitiesOf(account.scope.code), [account.scope.code]);
}

/** The grid an account is responsible for (grid workers only). */
export function ownGridCode(account: Account): string | null {
  return account.role === 'grid_worker' && levelOfCode(account.scope.code) === 'grid' ? account.scope.code : null;
}
