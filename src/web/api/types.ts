/**
 * Shapes returned by the Linli HTTP API: aliases of the types generated from the server's OpenAPI document
 * (openapi.ts, `npm run gen:api`), so the web cannot drift from what the routes' response schemas say.
 */
import type { components, paths } from './openapi.ts';

/** Named schemas of the OpenAPI document. */
export type Schemas = components['schemas'];

/** The JSON body of an operation's success answer (200, else 201). */
type OkBody<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } }
  ? B
  : Op extends { responses: { 201: { content: { 'application/json': infer B } } } }
    ? B
    : never;

/** The JSON body that `METHOD path` answers on success, e.g. `ApiOk<'/api/households/{id}', 'get'>`. */
export type ApiOk<P extends keyof paths, M extends keyof paths[P]> = OkBody<paths[P][M]>;

/** Account roles, as the server names them. */
export type Role = Schemas['Role'];
/** A place reference (district, street, community or grid). */
export type PlaceRef = Schemas['PlaceRef'];
/** The logged-in account; `csrfToken` must accompany every non-GET request. */
export type Account = Schemas['Account'];
/** GET /api/places/:code */
export type PlaceResponse = Schemas['PlaceDetail'];
/** GET /api/places/:code/map */
export type CommunityMapData = Schemas['CommunityMap'];
/** GET /api/grids/:code */
export type GridResponse = Schemas['GridDetail'];
/** A household row in a list. */
export type HouseholdItem = ApiOk<'/api/households', 'get'>['items'][number];
/** GET /api/households/:id */
export type HouseholdResponse = ApiOk<'/api/households/{id}', 'get'>;
/** A resident as the server presents it (already masked for the viewer). */
export type Resident = Schemas['Resident'];
/** A resident search hit. */
export type ResidentHit = ApiOk<'/api/residents', 'get'>['items'][number];
/** POST /api/registry/import success. */
export type ImportResult = Schemas['ImportResult'];
/** One audit entry. */
export type AuditEntry = Schemas['AuditEntry'];
/** GET /api/settings */
export type ClientSettings = Schemas['ClientSettings'];

/** A page of items: `nextCursor` asks for the next page (null on the last), `total` counts every match. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/**
 * One refused row of an import: the `details` of the import's 4xx error body (the error schema leaves `details`
 * open, so this one shape is written here).
 */
export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}
