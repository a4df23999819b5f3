import { EDGE_CROSSING, EDGE_NO_WHEELCHAIR, EDGE_ROAD, EDGE_STEPS } from '../domain/types.ts';
import type { Tags } from './pbf.ts';

const FOOT_ONLY = new Set([
  'footway',
  'path',
  'steps',
  'pedestrian',
  'living_street',
  'track',
  'crossing',
  'corridor',
  'platform',
  'bridleway',
]);
const MINOR = new Set(['residential', 'service', 'unclassified', 'road', 'services', 'rest_area']);
/** Roads with traffic where we assume a sidewalk (no separate sidewalk modelling in OSM data here). */
const ROADS = new Set(['tertiary', 'tertiary_link', 'secondary', 'secondary_link', 'primary', 'primary_link']);
/** Never walkable unless explicitly foot=yes/designated (trunk) — motorways never. */
const TRUNK = new Set(['trunk', 'trunk_link']);
const YES = new Set(['yes', 'designated', 'permissive', 'official', 'destination']);
const NO = new Set(['no', 'private', 'military', 'agricultural', 'forestry', 'delivery', 'use_sidepath']);

/**
 * Walking flags of a way, or -1 when a pedestrian may not use it. Rules: footway, path, steps,
 * pedestrian, living_street, track, crossing, corridor, platform, residential, service,
 * unclassified, tertiary…primary (sidewalk assumed), cycleway unless foot=no; bridleway only with
 * foot=yes; trunk only with foot=yes or a tagged sidewalk; motorway never; foot=no or
 * access=no/private without foot=yes excluded; area=yes pedestrian squares walked along the outline.
 */
export function walkFlags(t: Tags): number {
  const hw = t.highway ?? (t.public_transport === 'platform' || t.railway === 'platform' ? 'platform' : undefined);
  if (hw === undefined) return -1;
  const foot = t.foot;
  const footYes = foot !== undefined && YES.has(foot);
  if (foot !== undefined && NO.has(foot)) return -1;
  const access = t.access;
  if (!footYes && access !== undefined && NO.has(access)) return -1;
  if (t.area === 'yes' && hw !== 'pedestrian' && hw !== 'footway') return -1;
  let flags = 0;
  if (hw === 'motorway' || hw === 'motorway_link') return -1;
  else if (TRUNK.has(hw)) {
    const sw = t.sidewalk;
    if (!footYes && (sw === undefined || sw === 'no' || sw === 'none' || sw === 'separate')) return -1;
    flags |= EDGE_ROAD;
  } else if (hw === 'cycleway') {
    /* walkable unless foot=no, handled above */
  } else if (hw === 'bridleway') {
    if (!footYes) return -1;
  } else if (ROADS.has(hw)) flags |= EDGE_ROAD;
  else if (!FOOT_ONLY.has(hw) && !MINOR.has(hw)) return -1; // construction, proposed, raceway, bus_guideway…
  if (hw === 'steps') flags |= EDGE_STEPS;
  if (hw === 'crossing' || t.footway === 'crossing' || t.crossing !== undefined) flags |= EDGE_CROSSING;
  if (t.wheelchair === 'no') flags |= EDGE_NO_WHEELCHAIR;
  if (t.indoor === 'yes' && hw !== 'corridor') return -1;
  return flags;
}

/**
 * True when a node blocks pedestrians: a barrier (gate, bollard, fence, …) tagged access=no/private
 * or foot=no without foot=yes. Plain bollards/gates without restrictions let pedestrians through.
 */
export function blocksFoot(t: Tags): boolean {
  if (t.barrier === undefined) return false;
  const foot = t.foot,
    access = t.access;
  if (foot !== undefined) return NO.has(foot);
  if (access !== undefined) return NO.has(access);
  return t.barrier === 'wall' || t.barrier === 'fence' || t.barrier === 'retaining_wall' || t.barrier === 'city_wall';
}

/**
 * Life-circle categories of a tagged OSM object (node, way or relation). An object may belong to
 * several (a school of unknown level counts as primary and middle school). Empty when none.
 */
export function poiCategories(t: Tags): string[] {
  const out: string[] = [];
  const a = t.amenity,
    s = t.shop,
    l = t.leisure,
    hc = t.healthcare,
    sf = t.social_facility;
  if (a === 'kindergarten')
    out.push(t['isced:level'] === '0' && t.kindergarten === 'nursery' ? 'nursery' : 'kindergarten');
  if (a === 'childcare') out.push('nursery');
  if (a === 'school') {
    const lvl = `${t['isced:level'] ?? ''};${t.school ?? ''};${t['school:level'] ?? ''}`;
    const primary = /(^|[;,\s])1|primary|elementary/.test(lvl),
      middle = /(^|[;,\s])[23]|secondary|middle/.test(lvl);
    if (primary || !middle) out.push('primary_school');
    if (middle || !primary) out.push('middle_school');
  }
  if (a === 'social_facility' || sf !== undefined) {
    const elderly = /senior|elderly/.test(t['social_facility:for'] ?? '');
    if (sf === 'nursing_home' || sf === 'assisted_living' || (elderly && sf === 'group_home')) out.push('nursing_home');
    else if (elderly || sf === 'day_care') out.push('elderly_day_care');
  }
  if (a === 'nursing_home') out.push('nursing_home');
  if (a === 'clinic' || a === 'doctors' || hc === 'clinic' || hc === 'doctor' || hc === 'centre')
    out.push('health_station');
  if (a === 'hospital' || hc === 'hospital') out.push('health_centre');
  if (a === 'pharmacy' || hc === 'pharmacy' || s === 'chemist') out.push('pharmacy');
  if (a === 'community_centre' || a === 'social_centre' || (a === 'townhall' && t.townhall_type === 'community'))
    out.push('community_service_station');
  if (
    a === 'arts_centre' ||
    a === 'library' ||
    a === 'theatre' ||
    (a === 'community_centre' && /culture|youth|senior/.test(t.community_centre ?? ''))
  )
    out.push('culture_centre');
  if (a === 'canteen' || a === 'food_court' || (a === 'social_facility' && sf === 'soup_kitchen'))
    out.push('community_canteen');
  if (a === 'police') out.push('police');
  if (a === 'marketplace' || s === 'supermarket' || s === 'greengrocer' || s === 'butcher') out.push('wet_market');
  if (s === 'convenience' || s === 'general' || s === 'kiosk') out.push('convenience_store');
  if (s === 'mall' || s === 'department_store') out.push('supermarket');
  if (l === 'park' || (l === 'garden' && t.access !== 'private')) out.push('park');
  if (l === 'playground') out.push('playground');
  if (l === 'fitness_station' || (l === 'fitness_centre' && t.access !== 'private')) out.push('fitness');
  if (l === 'sports_centre' || l === 'stadium' || l === 'pitch' || l === 'track') out.push('sports');
  if (a === 'toilets') out.push('public_toilet');
  if (a === 'waste_transfer_station' || (a === 'recycling' && t.recycling_type === 'centre'))
    out.push('refuse_station');
  if (a === 'parcel_locker' || s === 'outpost') out.push('parcel_locker');
  if (a === 'townhall' && /district|sub/.test(t.townhall_type ?? '')) out.push('street_office');
  if (t.highway === 'bus_stop' || (t.public_transport === 'platform' && t.bus === 'yes')) out.push('bus_stop');
  return [...new Set(out)];
}
