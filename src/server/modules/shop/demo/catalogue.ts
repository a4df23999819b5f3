/**
 * The demo catalogue of 甘州铺子: Zhangye specialties and cultural products from local farmers, co-operatives and
 * workshops (names of places are real; suppliers, people, phone numbers and barcodes are invented for the demo).
 * Barcodes use the 697 prefix with a valid EAN-13 check digit.
 */
import type { ProductCategory, SupplierKind } from '../schema.ts';

/** A demo supplier. */
export interface DemoSupplier {
  key: string;
  name: string;
  kind: SupplierKind;
  contactName: string;
  contactPhone: string;
  address: string;
}

export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    key: 'millet',
    name: '甘州区党寨镇小米种植专业合作社',
    kind: 'coop',
    contactName: '马建国',
    contactPhone: '13909361024',
    address: '甘州区党寨镇',
  },
  {
    key: 'dates',
    name: '临泽县沙河镇枣农 王秀兰',
    kind: 'farmer',
    contactName: '王秀兰',
    contactPhone: '13893652217',
    address: '临泽县沙河镇',
  },
  {
    key: 'wine',
    name: '张掖祁连葡萄酒庄（示例）',
    kind: 'company',
    contactName: '李卫东',
    contactPhone: '0936-8210033',
    address: '张掖市甘州区',
  },
  {
    key: 'chili',
    name: '高台县辣椒酱作坊',
    kind: 'artisan',
    contactName: '赵红梅',
    contactPhone: '13519360458',
    address: '高台县城关镇',
  },
  {
    key: 'crafts',
    name: '甘州剪纸非遗工作室',
    kind: 'artisan',
    contactName: '孙桂芳',
    contactPhone: '13830617762',
    address: '甘州区北街街道',
  },
  {
    key: 'farm',
    name: '民乐县六坝镇农产品合作社',
    kind: 'coop',
    contactName: '刘永强',
    contactPhone: '13993617305',
    address: '民乐县六坝镇',
  },
];

/** A demo product (fen). */
export interface DemoProduct {
  sku: string;
  barcode: string;
  name: string;
  category: ProductCategory;
  unit: string;
  costFen: number;
  priceFen: number;
  supplier: string;
  lowStock: number;
  /** Opening stock: counter, warehouse (live orders ship from the warehouse). */
  stock: [number, number];
}

/** EAN-13 with its check digit from 12 digits. */
function ean13(first12: string): string {
  const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

const p = (
  n: number,
  sku: string,
  name: string,
  category: ProductCategory,
  unit: string,
  costFen: number,
  priceFen: number,
  supplier: string,
  stock: [number, number],
  lowStock = 8,
): DemoProduct => ({
  sku,
  barcode: ean13(`69712345${String(n).padStart(4, '0')}`),
  name,
  category,
  unit,
  costFen,
  priceFen,
  supplier,
  lowStock,
  stock,
});

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  p(1, 'GZ-XM-2500', '甘州小米 2.5kg', 'specialty', '袋', 2800, 4580, 'millet', [60, 120]),
  p(2, 'LZ-ZZ-500', '临泽小枣 500g', 'specialty', '袋', 1500, 2800, 'dates', [60, 150]),
  p(3, 'ZY-WINE-750', '张掖葡萄酒 干红 750ml', 'drink', '瓶', 6800, 12800, 'wine', [30, 60], 5),
  p(4, 'GT-LJJ-280', '高台辣椒酱 280g', 'food', '瓶', 900, 1880, 'chili', [80, 150]),
  p(5, 'ML-DS-1000', '民乐紫皮大蒜 1kg', 'specialty', '袋', 1100, 1990, 'farm', [40, 60]),
  p(6, 'QL-FM-500', '祁连山百花蜂蜜 500g', 'specialty', '瓶', 3200, 5800, 'farm', [30, 40], 5),
  p(7, 'ZY-DX-BXT', '七彩丹霞冰箱贴', 'cultural', '个', 600, 1800, 'crafts', [50, 20]),
  p(8, 'GZ-JZ-A3', '甘州剪纸（非遗）装裱', 'craft', '幅', 2500, 6800, 'crafts', [12, 0], 3),
  p(9, 'GZ-MJ-250', '甘州麻花 250g', 'food', '袋', 700, 1500, 'millet', [25, 0], 10),
];
