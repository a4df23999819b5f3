/**
 * The demo's vision drawings of 东湖小区, drawn as SVG and rendered to PNG by sharp (deterministic: the same SVG
 * gives the same bytes): v1 — the six former 三无楼院 with the walls between them (red) coming down; v2 — the
 * changed plan after the failed vote: walls down but greenery kept, a parking row and two gates kept.
 */
import sharp from 'sharp';

const W = 480;
const H = 320;
/** The six former compounds as a 3 × 2 block plan. */
const yards = [0, 1, 2, 3, 4, 5].map((i) => ({ x: 20 + (i % 3) * 150, y: 30 + Math.floor(i / 3) * 140, n: i + 1 }));

function svg(version: 1 | 2): string {
  const yard = yards
    .map(
      (y) =>
        `<rect x="${y.x}" y="${y.y}" width="140" height="120" fill="#f3efe6" stroke="#888"/>` +
        `<rect x="${y.x + 20}" y="${y.y + 20}" width="60" height="30" fill="#b9c4d0"/>` +
        `<text x="${y.x + 100}" y="${y.y + 100}" font-size="22" font-family="sans-serif" fill="#555">${y.n}</text>`,
    )
    .join('');
  // the walls between neighbouring yards: dashed red where they come down
  const walls = [165, 315]
    .flatMap((x) => [30, 170].map((y) => `<line x1="${x}" y1="${y}" x2="${x}" y2="${y + 120}"/>`))
    .concat([20, 170, 320].map((x) => `<line x1="${x}" y1="160" x2="${x + 140}" y2="160"/>`))
    .join('');
  const path = `<path d="M20 160 H460 M165 30 V290 M315 30 V290" stroke="#3a9b4a" stroke-width="8" fill="none"/>`;
  const keep =
    version === 2
      ? '<circle cx="90" cy="220" r="18" fill="#5cb85c"/><circle cx="390" cy="90" r="18" fill="#5cb85c"/>' +
        '<rect x="330" y="250" width="120" height="24" fill="#ccc" stroke="#777"/>' +
        '<rect x="14" y="150" width="10" height="20" fill="#333"/>' +
        '<rect x="456" y="150" width="10" height="20" fill="#333"/>'
      : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect width="${W}" height="${H}" fill="#fff"/>${yard}` +
    `<g stroke="#d9534f" stroke-width="5" stroke-dasharray="8 6">${walls}</g>${path}${keep}` +
    `<text x="20" y="20" font-size="14" font-family="sans-serif" fill="#333">Donghu v${version}</text></svg>`
  );
}

/** The PNG of vision drawing `version`. */
export async function visionDrawing(version: 1 | 2): Promise<Buffer> {
  return sharp(Buffer.from(svg(version)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A before/after photo stand-in (a flat colour tile) and a paper ballot scan. */
export async function tile(colour: string, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const img = sharp({ create: { width: 32, height: 24, channels: 3, background: colour } });
  return format === 'png' ? img.png().toBuffer() : img.jpeg().toBuffer();
}
