/**
 * The monthly public report (财务公开月报) as PDF (pdfkit, CJK font embedded as a subset) and xlsx (exceljs):
 * totals per account for the month, every entry of the month (already masked), and the latest signed head.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { formatShanghai } from '../../../shared/time.ts';
import type { PublicEntry } from './domain/entry.ts';
import { FIXED_ACCOUNTS, yuan } from './domain/ledger.ts';
import { listHeads } from './log.ts';
import { publicCommunity } from './public.ts';
import * as reads from './repository/reads.ts';

/** What a monthly report shows. */
export interface MonthReport {
  community: { code: string; name: string };
  month: string;
  totals: { account: string; name: string; fen: bigint }[];
  entries: PublicEntry[];
  head: { size: number; root: string; timestamp: string } | null;
}

const nameOf = (code: string): string => FIXED_ACCOUNTS.find((a) => a.code === code)?.zh ?? code;

/** Loads the report of `month` ('YYYY-MM'). */
export async function monthReport(db: Kysely<Database>, code: string, month: string): Promise<MonthReport> {
  const community = await publicCommunity(db, code);
  const [totals, entries, heads] = await Promise.all([
    reads.totalsByAccount(db, code, month),
    reads.entriesOfPeriod(db, code, month),
    listHeads(db, code, 1),
  ]);
  const h = heads[0];
  return {
    community,
    month,
    totals: totals.map((t) => ({ account: t.account, name: nameOf(t.account), fen: BigInt(t.amount) })),
    entries: entries.map((e) => JSON.parse(e.entry) as PublicEntry),
    head: h ? { size: h.size, root: h.root, timestamp: h.timestamp } : null,
  };
}

function cjkFont(): string {
  try {
    const p = join(
      dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')),
      '..',
      'fonts',
      'NotoSansHans-Regular.otf',
    );
    if (existsSync(p)) return p;
  } catch {
    /* the Debian font below */
  }
  return '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
}

const lineText = (e: PublicEntry): string =>
  e.lines.map((l) => `${nameOf(l.account)} ${yuan(BigInt(l.fen))}`).join('；');

/** The report as a PDF. */
export function reportPdf(r: MonthReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${r.community.name} 社区基金 ${r.month}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  doc.fontSize(16).text(`${r.community.name} 社区基金财务公开 ${r.month}`);
  doc.fontSize(9).fillColor('#444').text(`Community fund disclosure · ${r.community.code}`);
  doc.moveDown(0.6).fillColor('#111').fontSize(11).text('本月各科目发生额（元） / Totals of the month (¥)');
  doc.fontSize(9);
  for (const t of r.totals) doc.text(`${t.name}（${t.account}）：${yuan(t.fen)}`);
  doc.moveDown(0.6).fontSize(11).text('本月明细 / Entries');
  doc.fontSize(8.5);
  for (const e of r.entries) {
    const when = formatShanghai(e.at, 'zh-CN', { dateStyle: 'short' });
    doc.text(`#${e.seq} ${when} ${e.memo}${e.party ? `（${e.party}）` : ''}：${lineText(e)}`);
  }
  doc.moveDown(0.6).fontSize(9).fillColor('#444');
  doc.text(
    r.head
      ? `已签名树头 / signed tree head: ${r.head.size} 条, root ${r.head.root}, ${r.head.timestamp}`
      : '尚无签名树头 / no signed tree head yet',
  );
  doc.text('校验方法 / how to verify: npx linli fund verify ledger.jsonl --key <公钥 public key>');
  doc.end();
  return done;
}

/** The report as an xlsx workbook. */
export async function reportXlsx(r: MonthReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet('汇总 Totals');
  s1.addRow(['科目 account', '名称 name', '金额（元）amount (¥)', '金额（分）fen']);
  for (const t of r.totals) s1.addRow([t.account, t.name, yuan(t.fen), t.fen.toString()]);
  const s2 = wb.addWorksheet('明细 Entries');
  s2.addRow(['序号 seq', '时间 at', '用途 memo', '对方 party', '分录 lines']);
  for (const e of r.entries) s2.addRow([e.seq, e.at, e.memo, e.party ?? '', lineText(e)]);
  if (r.head) s2.addRow(['signed head', r.head.timestamp, `${r.head.size}`, r.head.root, '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
