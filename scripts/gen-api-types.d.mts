/** Types of gen-api-types.mjs, for the test that checks the committed file (src/web/api/openapi.test.ts). */
/** Where the generated types live. */
export declare const API_TYPES_FILE: string;
/** The app's OpenAPI document, from an app on an empty in-memory database. */
export declare function openapiDocument(): Promise<unknown>;
/** The TypeScript source of the types of a document. */
export declare function apiTypesSource(document: unknown): Promise<string>;
