/** /api/registry: ledger template, import (all-or-nothing) and export, as xlsx or CSV. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { communityCode, lang } from '../../platform/http/zodParts.ts';
import type { RegistryDeps } from './context.ts';
import { AppError } from '../../platform/errors.ts';
import { ctxOf } from './context.ts';
import { binaryResponse, errorResponses } from '../../platform/http/responses.ts';
import { ledgerStream, openLedgerExport } from './ledgerExport.ts';
import { fileToRows, importLedger, rowsToFile, templateRows, type LedgerFormat } from './ledgerService.ts';

const MIME: Record<LedgerFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
const format = z.enum(['xlsx', 'csv']);
const counts = z.object({ created: z.number().int(), updated: z.number().int() });
/** What an import wrote (a refused import is a 4xx listing every bad row). */
const importResult = z.object({ households: counts, residents: counts }).meta({ id: 'ImportResult' });

/** Registers the ledger routes. */
export function ioRoutes(deps: RegistryDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['registry import/export'];
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/api/registry/template.:format',
      {
        config: { publicCache: true },
        schema: {
          tags,
          summary: 'Download the ledger template',
          params: z.object({ format }),
          response: { 200: binaryResponse('The ledger template', MIME.xlsx, MIME.csv), ...errorResponses },
        },
      },
      async (req, reply) => {
        const buf = await rowsToFile(templateRows(), req.params.format);
        return reply
          .type(MIME[req.params.format])
          .header('content-disposition', `attachment; filename="linli-ledger-template.${req.params.format}"`)
          .send(buf);
      },
    );

    app.post(
      '/api/registry/import',
      {
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags,
          summary:
            'Import households and residents (multipart `file` .xlsx/.csv, or a text/csv body): all rows or none',
          querystring: z.object({ community: communityCode, ...lang }),
          response: { 200: importResult, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        let buf: Buffer;
        let fmt: LedgerFormat;
        if (req.isMultipart()) {
          const file = await req.file();
          if (!file) throw new AppError('BAD_FILE', { params: { reason: 'no file' } });
          buf = await file.toBuffer();
          fmt = /\.xlsx$/i.test(file.filename) || file.mimetype === MIME.xlsx ? 'xlsx' : 'csv';
          if (fmt === 'csv' && !/\.(csv|txt)$/i.test(file.filename) && !/csv|text\/plain/.test(file.mimetype))
            throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        } else if (Buffer.isBuffer(req.body)) {
          buf = req.body;
          fmt = 'csv';
        } else throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const rows = await fileToRows(buf, fmt);
        return importLedger(ctx, req.query.community, rows);
      },
    );

    app.get(
      '/api/registry/export.:format',
      {
        schema: {
          tags,
          summary: 'Export the ledger of a community (streamed)',
          params: z.object({ format }),
          querystring: z.object({ community: communityCode }),
          response: { 200: binaryResponse('The ledger, streamed', MIME.xlsx, MIME.csv), ...errorResponses },
        },
      },
      async (req, reply) => {
        // Streamed: rows are read in batches and written as they come (no whole file in memory, no cap).
        const batches = await openLedgerExport(ctxOf(deps, req), req.query.community);
        const body = ledgerStream(batches, req.params.format);
        return reply
          .type(MIME[req.params.format])
          .header(
            'content-disposition',
            `attachment; filename="linli-ledger-${req.query.community}.${req.params.format}"`,
          )
          .send(body);
      },
    );
  };
}
