/** Open311 GeoReport v2 (placeholder until the full implementation lands). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CasesModule } from '../module.ts';

/** Registers /open311/v2/. */
export function open311Routes(_m: CasesModule): FastifyPluginAsyncZod {
  return async () => {};
}
