import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';

/**
 * An OpenAPI document held in memory, as `loadDocument` and `callbackHandlers` accept it besides
 * a path or URL. A 3.2 document passes as a 3.1-shaped object.
 * @example const loaded = await loadDocument({ openapi: '3.1.0', info: { title: 'Shop', version: '1' }, paths: {} });
 */
export type OpenApiDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;
