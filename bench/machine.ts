/** One line describing the machine and the date, for benchmark reports. */
import { cpus, totalmem } from 'node:os';

export function machineLine(now = new Date()): string {
  const c = cpus();
  const ram = `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`;
  const date = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const node = `Node ${process.version}, ${process.platform}`;
  return `Machine: ${c[0]?.model ?? 'unknown CPU'}, ${c.length} cores, ${ram}, ${node}. Date: ${date}.`;
}
