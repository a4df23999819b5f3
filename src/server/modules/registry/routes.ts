/** /api/places, /api/grids, /api/households, /api/residents, /api/audit: schema-validated, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/cursor.ts';
import { isoDate, lang, phone, placeCode, uuid } from '../../platform/http/zodParts.ts';
import type { RegistryDeps } from './context.ts';
import * as service from './service.ts';
import * as queries from './queries.ts';
import { geoRoutes } from './geoRoutes.ts';
import { ioRoutes } from './ioRoutes.ts';
import {
  communityMapBody,
  gridDetailBody,
  householdDetailSchema,
  householdPage,
  oneResident,
  placeDetailBody,
  residentPage,
} from './responseSchemas.ts';
import { errorResponses, okBody } from '../../platform/http/responses.ts';
import { auditPageSchema } from './presentAudit.ts';

/** Keyset paging: `cursor` from the previous answer's `nextCursor` (see platform/http/cursor.ts). */
const page = pageQuery;
const date = isoDate;
const residentFields = {
  name: z.string().trim().min(1).max(50),
  gender: z.enum(['male', 'female']),
  phone,
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '18 characters')
    .nullable(),
  birthDate: date,
  relation: z.string().trim().min(1).max(20),
  tags: z.array(z.string().trim().min(1).max(20)).max(20),
};

import { ctxOf } from './context.ts';

/** Registers the registry routes. */
export function registryRoutes(deps: RegistryDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['registry'];
    app.get(
      '/api/places/:code',
      {
        schema: {
          tags,
          summary: 'A place, its children and 一老一小 statistics',
          params: z.object({ code: placeCode }),
          querystring: z.object(lang),
          response: { 200: placeDetailBody, ...errorResponses },
        },
      },
      async (req) => service.placeDetail(ctxOf(deps, req), req.params.code),
    );

    app.get(
      '/api/places/:code/map',
      {
        schema: {
          tags,
          summary: 'GeoJSON layers of a community (WGS-84)',
          params: z.object({ code: placeCode }),
          querystring: z.object(lang),
          response: { 200: communityMapBody, ...errorResponses },
        },
      },
      async (req) => queries.communityMap(ctxOf(deps, req), req.params.code),
    );

    app.get(
      '/api/grids/:code',
      {
        schema: {
          tags,
          summary: 'A grid: workers, statistics, compounds',
          params: z.object({ code: placeCode }),
          querystring: z.object(lang),
          response: { 200: gridDetailBody, ...errorResponses },
        },
      },
      async (req) => queries.gridDetail(ctxOf(deps, req), req.params.code),
    );

    app.get(
      '/api/households',
      {
        schema: {
          tags,
          summary: 'Households under a grid or community',
          querystring: z.object({ code: placeCode, q: z.string().max(50).optional(), ...page, ...lang }),
          response: { 200: householdPage, ...errorResponses },
        },
      },
      async (req) =>
        queries.households(ctxOf(deps, req), req.query.code, req.query.q, req.query.cursor, req.query.pageSize),
    );

    app.get(
      '/api/households/:id',
      {
        schema: {
          tags,
          summary: 'A household and its residents (masked by role)',
          params: z.object({ id: uuid }),
          querystring: z.object(lang),
          response: { 200: householdDetailSchema, ...errorResponses },
        },
      },
      async (req) => service.householdDetail(ctxOf(deps, req), req.params.id),
    );

    app.patch(
      '/api/households/:id',
      {
        schema: {
          tags,
          summary: 'Edit a household (optimistic: send the version you read)',
          params: z.object({ id: uuid }),
          querystring: z.object(lang),
          body: z.strictObject({
            version: z.number().int().min(1),
            unit: z.string().trim().min(1).max(20).optional(),
            room: z.string().trim().min(1).max(20).optional(),
            areaM2: z.number().positive().max(100_000).optional(),
            areaSource: z.enum(['register', 'survey', 'contract']).optional(),
            ownerName: z.string().trim().min(1).max(100).optional(),
          }),
          response: { 200: householdDetailSchema, ...errorResponses },
        },
      },
      async (req) => {
        const { version, ...patch } = req.body;
        await service.updateHouseholdFields(ctxOf(deps, req), req.params.id, version, patch);
        return service.householdDetail(ctxOf(deps, req), req.params.id);
      },
    );

    app.post(
      '/api/households/:id/residents',
      {
        schema: {
          tags,
          summary: 'Add a resident to a household',
          params: z.object({ id: uuid }),
          querystring: z.object(lang),
          body: z.strictObject(residentFields),
          response: { 201: oneResident, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ resident: await service.addResident(ctxOf(deps, req), req.params.id, req.body) }),
    );

    app.get(
      '/api/residents',
      {
        schema: {
          tags,
          summary: 'Search residents by name, phone tail, ID number (PII roles) or tag',
          querystring: z.object({
            code: placeCode.optional(),
            q: z.string().max(50).optional(),
            tag: z.string().max(20).optional(),
            ...page,
            ...lang,
          }),
          response: { 200: residentPage, ...errorResponses },
        },
      },
      async (req) => queries.searchResidents(ctxOf(deps, req), req.query),
    );

    app.patch(
      '/api/residents/:id',
      {
        schema: {
          tags,
          summary: 'Edit a resident (optimistic)',
          params: z.object({ id: uuid }),
          querystring: z.object(lang),
          body: z.strictObject({ version: z.number().int().min(1), ...z.object(residentFields).partial().shape }),
          response: { 200: oneResident, ...errorResponses },
        },
      },
      async (req) => {
        const { version, ...patch } = req.body;
        return { resident: await service.editResident(ctxOf(deps, req), req.params.id, version, patch) };
      },
    );

    app.delete(
      '/api/residents/:id',
      {
        schema: {
          tags,
          summary: 'Remove a resident (moved away)',
          params: z.object({ id: uuid }),
          querystring: z.object(lang),
          response: { 200: okBody, ...errorResponses },
        },
      },
      async (req) => {
        await service.removeResident(ctxOf(deps, req), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Append-only audit log (auditors); kind=read lists the reads of personal data',
          querystring: z.object({
            code: placeCode.optional(),
            entity: z.string().max(40).optional(),
            kind: z.enum(['read', 'write']).optional(),
            ...page,
            ...lang,
          }),
          response: { 200: auditPageSchema, ...errorResponses },
        },
      },
      async (req) => queries.auditLog(ctxOf(deps, req), req.query),
    );

    await app.register(geoRoutes(deps));
    await app.register(ioRoutes(deps));
  };
}
