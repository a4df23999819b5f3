/**
 * The committed web API types (openapi.ts) are what the server's OpenAPI document generates today: regenerated in
 * memory from an app on an empty database and compared with the file.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource, openapiDocument } from '../../../scripts/gen-api-types.mjs';

it('src/web/api/openapi.ts matches the OpenAPI document', async () => {
  const fresh = await apiTypesSource(await openapiDocument());
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  expect(committed === fresh, 'src/web/api/openapi.ts is stale: run `npm run gen:api` and commit the result').toBe(
    true,
  );
}, 180_000);
