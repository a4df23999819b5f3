/** What `npm start` prints once the server listens: where, on which database, and how to sign in. */

/** The demo logins by what a visitor wants to try (all share the password of the demo seed). */
const DEMO_LOGINS: [string, string][] = [
  ['社区工作人员 community staff', 'dh_staff'],
  ['网格员 grid workers', 'grid01 … grid08'],
  ['居民 residents', 'resident_silu, resident_elder (长辈版 elder)'],
  ['街道 street / 区 district', 'bj_street, gz_admin'],
  ['甘州铺子 shop / 审计 auditor', 'shop01, auditor'],
];

/** Every username the banner names (grid01 … grid08 expanded), for the test that keeps it complete. */
export function bannerUsernames(): string[] {
  return DEMO_LOGINS.flatMap(([, u]) =>
    u.includes('…')
      ? Array.from({ length: 8 }, (_, i) => `grid0${i + 1}`)
      : u.split(',').map((x) => (x.trim().split(' ')[0] ?? '').trim()),
  );
}

/** Pads to a terminal width where CJK characters take two columns. */
function pad(text: string, columns: number): string {
  const width = [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, columns - width));
}

/** The start-up banner. */
export function startBanner(o: { url: string; where: string; demo: boolean; password: string; admin?: string }) {
  const lines = [`邻里 Linli is running at ${o.url} (database: ${o.where})`];
  if (o.demo) {
    lines.push(`Demo logins (password ${o.password}):`);
    for (const [who, users] of DEMO_LOGINS) lines.push(`  ${pad(who, 34)}${users}`);
    lines.push(`  ${pad('公开信息 public pages (no login)', 34)}${o.url}/public`);
  }
  if (o.admin) lines.push(o.admin);
  return `\n${lines.join('\n')}\n\n`;
}
