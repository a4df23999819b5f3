/** Service Discovery (Open311): where the GeoReport v2 endpoint is, its version, formats and how to get a key. */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CasesModule } from '../module.ts';
import type { discoveryOut } from './schemas.ts';

/** When the endpoint list below last changed (Service Discovery's changeset). */
const DISCOVERY_CHANGESET = '2026-11-30T00:00:00Z';

/** The discovery document for the host a client reached us at. */
export function discovery(m: CasesModule, req: FastifyRequest): z.input<typeof discoveryOut> {
  const base = `${req.protocol}://${req.host}`;
  return {
    changeset: DISCOVERY_CHANGESET,
    contact: m.opts.open311.contact,
    key_service: m.opts.open311.keyService,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${base}/open311/v2`,
        changeset: DISCOVERY_CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}
