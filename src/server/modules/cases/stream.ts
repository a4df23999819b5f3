/**
 * GET /api/cases/stream: Server-Sent Events of case changes the viewer may see, fed by the event bus (and so by
 * every instance when the PostgreSQL fan-out is on). Each event carries ids only; clients refetch the case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { binaryResponse, errorResponses } from '../../platform/http/responses.ts';
import type { BusEvent } from '../../platform/events/bus.ts';
import { endsSession } from '../../platform/events/sessions.ts';
import type { CasesModule } from './module.ts';
import { can } from './permissions.ts';
import type { Status } from './domain/workflow.ts';

/** Registers the SSE route. */
export function streamRoutes(m: CasesModule, pingMs = 15_000): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/cases/stream',
      {
        schema: {
          tags: ['cases'],
          summary: 'Live case changes (text/event-stream)',
          response: {
            200: binaryResponse('Server-sent events, one per visible change', 'text/event-stream'),
            ...errorResponses,
          },
        },
      },
      (req, reply) => {
        const actor = requireActor(req);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store, no-transform', // hijacked: the no-store hook does not run here
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write(`retry: 2000\n: connected\n\n`);
        const visible = (e: BusEvent) => {
          if (e.topic !== 'case') return false;
          const subject = {
            communityCode: String(e.communityCode),
            gridCode: (e.gridCode as string | null) ?? null,
            handlerCode: String(e.handlerCode),
            reporterId: (e.reporterId as string | null) ?? null,
            status: e.status as Status,
          };
          return can(actor, 'read', subject);
        };
        const off = m.bus.subscribe((e) => {
          // The session this stream was opened with has ended (logout, password change) on some instance.
          if (endsSession(e, actor.accountId, actor.sessionId)) {
            end();
            res.end();
            return;
          }
          if (!visible(e)) return;
          const { topic: _t, reporterId: _r, ...data } = e;
          res.write(`event: case\ndata: ${JSON.stringify(data)}\n\n`);
        });
        const ping = setInterval(() => res.write(': ping\n\n'), pingMs);
        ping.unref();
        function end() {
          off();
          clearInterval(ping);
        }
        req.raw.on('close', end);
        res.on('error', end);
      },
    );
  };
}
