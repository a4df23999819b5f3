/** A volunteer's service certificate for a year (PDF, pdfkit with the CJK font the circle report embeds). */
import PDFDocument from 'pdfkit';
import { cjkFontPath } from '../circle/index.ts';
import { hoursOf } from './domain/timebank.ts';

/** What the certificate states. */
export interface CertificateData {
  name: string;
  communityName: string;
  year: number;
  activities: number;
  servedMinutes: number;
  redeemedMinutes: number;
  balanceMinutes: number;
  issuedOn: string;
  lines: { date: string; title: string; minutes: number }[];
}

const L = {
  'zh-CN': {
    title: '志愿服务证明',
    body: (d: CertificateData) =>
      `兹证明 ${d.name} 于 ${d.year} 年在${d.communityName}参加志愿服务活动 ${d.activities} 次，` +
      `累计服务 ${hoursOf(d.servedMinutes)} 小时。`,
    bank: (d: CertificateData) =>
      `时间银行：本年兑换 ${hoursOf(d.redeemedMinutes)} 小时，当前余额 ${hoursOf(d.balanceMinutes)} 小时。`,
    list: '服务明细',
    hours: '小时',
    issued: (d: CertificateData) => `${d.communityName}  ${d.issuedOn}`,
    note: '时长以签到、签退记录为准，更正以冲正记录体现（邻里 Linli 时间银行）。',
  },
  en: {
    title: 'Volunteer service certificate',
    body: (d: CertificateData) =>
      `This certifies that ${d.name} served in ${d.activities} volunteer activities of ${d.communityName} in ` +
      `${d.year}, ${hoursOf(d.servedMinutes)} hours in total.`,
    bank: (d: CertificateData) =>
      `Time bank: ${hoursOf(d.redeemedMinutes)} h redeemed this year; balance ${hoursOf(d.balanceMinutes)} h.`,
    list: 'Service record',
    hours: 'h',
    issued: (d: CertificateData) => `${d.communityName}  ${d.issuedOn}`,
    note: 'Hours come from check-in and check-out records; corrections appear as reversal rows (Linli time bank).',
  },
};

/** Renders the certificate; resolves with the PDF bytes. */
export function renderCertificate(d: CertificateData, lang: 'zh-CN' | 'en'): Promise<Buffer> {
  const t = L[lang];
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: t.title, Producer: 'Linli' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
  doc.registerFont('cjk', cjkFontPath());
  doc.font('cjk');
  doc.fontSize(26).fillColor('#b71c1c').text(t.title, { align: 'center' });
  doc.moveDown(1.2).fontSize(14).fillColor('#111').text(t.body(d), { lineGap: 6 });
  doc.moveDown(0.5).fontSize(11).text(t.bank(d));
  doc.moveDown(1).fontSize(12).text(t.list);
  doc.fontSize(10);
  for (const l of d.lines.slice(0, 40)) doc.text(`${l.date}  ${l.title}  ${hoursOf(l.minutes)} ${t.hours}`);
  if (d.lines.length > 40) doc.text(`… +${d.lines.length - 40}`);
  doc.moveDown(2).fontSize(12).text(t.issued(d), { align: 'right' });
  doc.moveDown(1).fontSize(8).fillColor('#555').text(t.note);
  doc.end();
  return done;
}
