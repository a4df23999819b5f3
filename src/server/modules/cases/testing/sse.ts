/** Test helper: an SSE connection to /api/cases/stream that tells when the server ended it. */
import http from 'node:http';

/** An open stream: `ended` resolves when the server closes it; `close()` ends it from the client side. */
export interface OpenStream {
  ended: Promise<void>;
  isEnded(): boolean;
  close(): void;
}

/** Opens the stream with a session cookie and resolves once the server said `connected`. */
export function openStream(base: string, cookie: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    let done = false;
    let markEnded: () => void = () => undefined;
    const ended = new Promise<void>((r) => {
      markEnded = () => {
        done = true;
        r();
      };
    });
    const req = http.get(`${base}/api/cases/stream`, { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString();
        if (buf.includes(': connected')) resolve({ ended, isEnded: () => done, close: () => req.destroy() });
      });
      res.on('end', markEnded);
      res.on('close', markEnded);
    });
    req.on('error', (e) => (done ? undefined : reject(e)));
  });
}

/** Resolves true when `p` settles within `ms`, false otherwise. */
export function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
}
