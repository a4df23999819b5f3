/**
 * Response schemas of the registry routes that carry personal data. Each resident inside goes through the schema
 * of the viewer's audience (present.ts), so a field no audience lists is dropped and a clear value in a masked
 * view fails the response instead of leaving the server.
 */
import { z } from 'zod';
import { fullResidentSchema, maskedResidentSchema, protectedResidentSchema, residentViewSchema } from './present.ts';

/** The household page: the household and its residents, each through the presenter of the viewer's audience. */
export const householdDetailSchema = z.object({
  household: z.object({
    id: z.string(),
    gridCode: z.string().nullable(),
    communityCode: z.string(),
    buildingId: z.string().nullable(),
    buildingName: z.string().nullable(),
    unit: z.string(),
    room: z.string(),
    areaM2: z.number(),
    areaSource: z.string(),
    ownerName: z.string(),
    version: z.number().int(),
  }),
  residents: z.array(residentViewSchema),
});
/** A page of households (staff and auditors in scope: no phone, ID or birth date in it). */
export const householdPage = z.object({
  total: z.number().int(),
  /** Keyset cursor of the next page; null on the last (see platform/http/cursor.ts). */
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      gridCode: z.string().nullable(),
      buildingName: z.string().nullable(),
      unit: z.string(),
      room: z.string(),
      areaM2: z.number(),
      ownerName: z.string(),
      residents: z.number().int(),
    }),
  ),
});
/** One resident, as the viewer's audience sees it. */
export const oneResident = z.object({ resident: residentViewSchema });
const address = z.string();
/** A page of search hits: a resident view and the address. */
export const residentPage = z.object({
  total: z.number().int(),
  /** Keyset cursor of the next page; null on the last (see platform/http/cursor.ts). */
  nextCursor: z.string().nullable(),
  items: z.array(
    z.union([fullResidentSchema, maskedResidentSchema, protectedResidentSchema].map((a) => a.extend({ address }))),
  ),
});
