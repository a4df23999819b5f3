/**
 * Facility category codes used by the demo, with zh/en labels and the life-circle level that calls for
 * them (GB 50180-2018 Appendix B, docs/domain.md §4; `null` = no level). The accessibility engine may use
 * its own table; these codes are the vocabulary of the demo data.
 */
export const DEMO_FACILITY_CATEGORIES = {
  elderly_day_care: { zh: '老年人日间照料中心', en: 'Elderly day-care centre', level: 5 },
  community_service_station: { zh: '社区服务站', en: 'Community service station', level: 5 },
  community_canteen: { zh: '社区食堂', en: 'Community canteen', level: 5 },
  culture_station: { zh: '文化活动站', en: 'Cultural activity station', level: 5 },
  kindergarten: { zh: '幼儿园', en: 'Kindergarten', level: 5 },
  health_station: { zh: '社区卫生服务站', en: 'Community health station', level: 5 },
  fitness: { zh: '室外健身场地', en: 'Outdoor fitness area', level: 5 },
  public_toilet: { zh: '公共厕所', en: 'Public toilet', level: 5 },
  refuse_station: { zh: '垃圾收集站', en: 'Refuse collection station', level: 5 },
  convenience_store: { zh: '便利店', en: 'Convenience store', level: 5 },
  parcel_locker: { zh: '快递驿站', en: 'Parcel station', level: 5 },
  primary_school: { zh: '小学', en: 'Primary school', level: 10 },
  wet_market: { zh: '菜市场/生鲜超市', en: 'Wet market / fresh-food supermarket', level: 10 },
  pharmacy: { zh: '药店', en: 'Pharmacy', level: 10 },
  park: { zh: '公园/广场', en: 'Park / square', level: 10 },
  supermarket: { zh: '超市/商场', en: 'Supermarket / mall', level: 15 },
  street_office: { zh: '街道办事处', en: 'Subdistrict office', level: 15 },
  social_enterprise: { zh: '社区社会企业（甘州铺子）', en: 'Community social enterprise shop', level: null },
} as const satisfies Record<string, { zh: string; en: string; level: 5 | 10 | 15 | null }>;
