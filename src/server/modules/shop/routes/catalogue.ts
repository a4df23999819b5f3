/** /api/shop catalogue routes: products, suppliers, product photos. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ShopModule } from '../module.ts';
import * as svc from '../service/catalogue.ts';
import {
  communityQuery,
  community,
  errors,
  idParams,
  lang,
  productBody,
  productOut,
  productPatch,
  supplierBody,
  supplierOut,
} from '../schemas.ts';
import { oneFile, whoOf } from './http.ts';
import { binaryResponse } from '../../../platform/http/responses.ts';

/** Registers the catalogue routes. */
export function catalogueRoutes(m: ShopModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['shop'];
    app.get(
      '/api/shop/products',
      {
        schema: {
          tags,
          summary: 'Products of a community (q: text; code: exact barcode or SKU, as scanned)',
          querystring: z.object({
            ...community,
            q: z.string().max(50).optional(),
            code: z.string().max(40).optional(),
            ...lang,
          }),
          response: { 200: z.object({ items: z.array(productOut) }), ...errors },
        },
      },
      async (req) => ({ items: await svc.products(m, whoOf(req), req.query) }),
    );
    app.post(
      '/api/shop/products',
      {
        schema: {
          tags,
          summary: 'Add a product (prices in fen)',
          querystring: z.object(lang),
          body: productBody,
          response: { 201: z.object({ product: productOut }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send({ product: await svc.createProduct(m, whoOf(req), req.body) }),
    );
    app.patch(
      '/api/shop/products/:id',
      {
        schema: {
          tags,
          summary: 'Change a product (version guards against lost updates)',
          params: idParams,
          querystring: z.object(lang),
          body: productPatch,
          response: { 200: z.object({ product: productOut }), ...errors },
        },
      },
      async (req) => ({ product: await svc.updateProduct(m, whoOf(req), req.params.id, req.body) }),
    );
    app.post(
      '/api/shop/products/:id/photos',
      {
        schema: {
          tags,
          summary: 'Add a product photo (multipart, one JPEG/PNG/WebP ≤ 5 MB)',
          params: idParams,
          querystring: z.object(lang),
          response: { 201: z.object({ id: z.string() }), ...errors },
        },
      },
      async (req, reply) => {
        const read = async () => (await oneFile(req, 5 * 1024 * 1024 + 1)).data;
        return reply.status(201).send(await svc.addPhoto(m, whoOf(req), req.params.id, read));
      },
    );
    app.get(
      '/api/shop/photos/:id',
      {
        schema: {
          tags,
          summary: 'A product photo (JPEG, PNG or WebP bytes)',
          params: idParams,
          querystring: z.object(lang),
          response: { 200: binaryResponse('The photo', 'image/jpeg', 'image/png', 'image/webp'), ...errors },
        },
      },
      async (req, reply) => {
        const p = await svc.photo(m, whoOf(req), req.params.id);
        return reply.type(p.mime).send(p.data);
      },
    );
    app.get(
      '/api/shop/suppliers',
      {
        schema: {
          tags,
          summary: 'Suppliers (local farmers and co-operatives) with their contact',
          querystring: communityQuery,
          response: { 200: z.object({ items: z.array(supplierOut) }), ...errors },
        },
      },
      async (req) => ({ items: await svc.suppliers(m, whoOf(req), req.query.community) }),
    );
    app.post(
      '/api/shop/suppliers',
      {
        schema: {
          tags,
          summary: 'Add a supplier',
          querystring: z.object(lang),
          body: supplierBody,
          response: { 201: z.object({ supplier: supplierOut }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send({ supplier: await svc.createSupplier(m, whoOf(req), req.body) }),
    );
  };
}
