/**
 * The printable 一老一小 coverage report (A4, pdfkit). Chinese text uses Noto Sans SC (Hans) shipped by the
 * npm package @embedpdf/fonts-sc, embedded as a subset, so a fresh machine needs no system fonts.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { fill, REPORT_LABELS } from './labels.ts';

/** One table row: a category and its shares (0–1) of the measured group. */
export interface ReportRow {
  label: string;
  count: number;
  gbMetres: number;
  gb: number;
  min5: number;
  min10: number;
  min15: number;
}
/** Everything the PDF shows. */
export interface ReportData {
  communityName: string;
  generatedAt: string;
  network: { name: string; attribution: string | null };
  homes: number;
  estimated: number;
  totals: { households: number; people: number; elderly: number; children: number };
  elderlyRows: ReportRow[];
  childrenRows: ReportRow[];
  gaps: { label: string; level: string; absent: boolean; share: number; metres: number }[];
  sites: {
    category: string;
    picks: {
      rank: number;
      name: string;
      kind: string;
      elderly: number;
      households: number;
      lon: number;
      lat: number;
    }[];
    gapPct: number | null;
  };
  map: {
    category: string;
    lines: number[][][];
    homes: { lon: number; lat: number; state: 'in' | 'out' | 'none' }[];
    facilities: [number, number][];
  };
  isDemo: boolean;
}

/** Path of the CJK font file (npm package first, Debian fonts-noto-cjk as a fallback). */
export function cjkFontPath(): string {
  try {
    const p = join(
      dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')),
      '..',
      'fonts',
      'NotoSansHans-Regular.otf',
    );
    if (existsSync(p)) return p;
  } catch {
    /* fall through */
  }
  return '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const COLORS = {
  in: '#2e7d32',
  out: '#e65100',
  none: '#9e9e9e',
  line: '#b0bec5',
  facility: '#0b57c2',
  site: '#c2185b',
  head: '#eef2f7',
};

/** Render the report; resolves with the PDF bytes. */
export function renderReport(d: ReportData, lang: 'zh-CN' | 'en'): Promise<Buffer> {
  const L = REPORT_LABELS[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: fill(L.title, { name: d.communityName }), Producer: 'Linli' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
  doc.registerFont('cjk', cjkFontPath());
  doc.font('cjk');
  const W = doc.page.width - 80;
  doc
    .fontSize(16)
    .fillColor('#111')
    .text(fill(L.title, { name: d.communityName }));
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor('#444')
    .text(fill(L.generated, { at: d.generatedAt, network: d.network.name, homes: d.homes, estimated: d.estimated }));
  doc.text(
    fill(L.totals, {
      households: Math.round(d.totals.households),
      people: Math.round(d.totals.people),
      elderly: Math.round(d.totals.elderly),
      children: Math.round(d.totals.children),
    }),
  );
  if (d.isDemo) doc.fillColor('#b26a00').text(L.demo);
  doc.moveDown(0.6);

  const table = (title: string, rows: ReportRow[]): void => {
    doc.fontSize(11).fillColor('#111').text(title, 40);
    doc.moveDown(0.2);
    const cols = [W * 0.34, W * 0.08, W * 0.12, W * 0.14, W * 0.11, W * 0.1, W * 0.11];
    const head = [L.category, L.count, L.gb, L.within, L.m5, L.m10, L.m15];
    const rowH = 15;
    const draw = (cells: string[], y: number, bold: boolean): void => {
      if (bold) doc.rect(40, y - 2, W, rowH).fill(COLORS.head);
      let x = 40;
      cells.forEach((c, i) => {
        doc
          .fillColor(i === 3 && !bold ? '#0b3d91' : '#222')
          .fontSize(8.5)
          .text(c, x + 3, y + 1, { width: cols[i]! - 6, lineBreak: false });
        x += cols[i]!;
      });
    };
    let y = doc.y;
    draw(head, y, true);
    y += rowH;
    for (const r of rows) {
      draw([r.label, String(r.count), `${r.gbMetres} m`, pct(r.gb), pct(r.min5), pct(r.min10), pct(r.min15)], y, false);
      doc
        .moveTo(40, y + rowH - 2)
        .lineTo(40 + W, y + rowH - 2)
        .lineWidth(0.3)
        .strokeColor('#dde3ea')
        .stroke();
      y += rowH;
    }
    doc.x = 40;
    doc.y = y + 6;
  };
  table(L.elderlyTitle, d.elderlyRows);
  table(L.childrenTitle, d.childrenRows);

  doc.fontSize(11).fillColor('#111').text(L.gapsTitle, 40);
  doc.fontSize(8.5).fillColor('#333');
  if (d.gaps.length === 0) doc.text(L.noGaps);
  for (const g of d.gaps) {
    const gap = g.absent
      ? fill(L.gapAbsent, { cat: g.label, level: g.level })
      : fill(L.gapPartial, { cat: g.label, level: g.level, share: pct(g.share), metres: g.metres });
    doc.text(`• ${gap}`);
  }
  doc.moveDown(0.5);
  doc
    .fontSize(11)
    .fillColor('#111')
    .text(fill(L.sitesTitle, { cat: d.sites.category }));
  doc.fontSize(8.5).fillColor('#333');
  for (const p of d.sites.picks) {
    const site = { rank: p.rank, name: p.name, kind: p.kind, elderly: Math.round(p.elderly) };
    doc.text(`• ${fill(L.site, { ...site, households: Math.round(p.households) })}`);
  }
  if (d.sites.gapPct !== null) doc.text(fill(L.greedyGap, { gap: d.sites.gapPct }));

  doc.addPage();
  doc
    .fontSize(11)
    .fillColor('#111')
    .text(fill(L.mapTitle, { cat: d.map.category }));
  drawMap(doc, d, 40, doc.y + 6, W, doc.page.height - doc.y - 110, L);
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(L.note, 40, doc.page.height - 80, { width: W });
  if (d.network.attribution) doc.fillColor('#222').text(d.network.attribution, { width: W });
  doc.end();
  return done;
}

function drawMap(
  doc: PDFKit.PDFDocument,
  d: ReportData,
  x0: number,
  y0: number,
  w: number,
  h: number,
  L: (typeof REPORT_LABELS)['en' | 'zh-CN'],
): void {
  const pts: [number, number][] = [...d.map.homes.map((p): [number, number] => [p.lon, p.lat]), ...d.map.facilities];
  if (pts.length === 0) return;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const [x, y] of pts) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const pad = 10;
  const s = Math.min((w - 2 * pad) / Math.max((maxX - minX) * kx, 1e-9), (h - 2 * pad) / Math.max(maxY - minY, 1e-9));
  const X = (lon: number): number => x0 + pad + (lon - minX) * kx * s;
  const Y = (lat: number): number => y0 + pad + (maxY - lat) * s;
  doc.save().rect(x0, y0, w, h).clip();
  doc.lineWidth(0.4).strokeColor(COLORS.line);
  for (const line of d.map.lines) {
    for (const [i, p] of line.entries()) {
      if (i === 0) doc.moveTo(X(p[0]!), Y(p[1]!));
      else doc.lineTo(X(p[0]!), Y(p[1]!));
    }
    doc.stroke();
  }
  for (const p of d.map.homes) doc.circle(X(p.lon), Y(p.lat), 1.8).fill(COLORS[p.state]);
  for (const [lon, lat] of d.map.facilities) doc.rect(X(lon) - 3.5, Y(lat) - 3.5, 7, 7).fill(COLORS.facility);
  for (const p of d.sites.picks) {
    doc.circle(X(p.lon), Y(p.lat), 6).lineWidth(1.5).strokeColor(COLORS.site).stroke();
    doc
      .fontSize(8)
      .fillColor(COLORS.site)
      .text(String(p.rank), X(p.lon) + 7, Y(p.lat) - 5, { lineBreak: false });
  }
  doc.restore();
  const ly = y0 + Math.min(h, (maxY - minY) * s + 2 * pad) + 8;
  let lx = x0;
  const item = (color: string, label: string, square = false): void => {
    if (square) doc.rect(lx, ly, 7, 7).fill(color);
    else doc.circle(lx + 3.5, ly + 3.5, 3).fill(color);
    doc
      .fontSize(8)
      .fillColor('#333')
      .text(label, lx + 11, ly - 1, { lineBreak: false });
    lx += 18 + doc.widthOfString(label) + 10;
  };
  item(COLORS.in, L.legendIn);
  item(COLORS.out, L.legendOut);
  item(COLORS.none, L.legendNone);
  item(COLORS.facility, L.facility, true);
  item(COLORS.site, L.suggested);
  doc.x = x0;
  doc.y = ly + 16;
}
