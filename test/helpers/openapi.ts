import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { REPO_ROOT } from './paths';

interface Operation {
  operationId: string;
  parameters?: { $ref: string }[];
  requestBody?: { content: Record<string, { schema: object; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object>; parameters: Record<string, object>; responses: Record<string, { content: Record<string, { schema: object }> }> };
}

export const OPENAPI_FILE = join(REPO_ROOT, 'docs/openapi.json');
const DOC_ID = 'https://deduction.invalid/openapi.json';

export function readOpenApi(): OpenApiDocument {
  return JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDocument;
}

/**
 * The document's schemas, compiled by Ajv for JSON Schema 2020-12 (OpenAPI 3.1's dialect);
 * `$ref`s resolve within the document, as they are written.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument = readOpenApi()) {
    this.ajv.addFormat('date-time', { type: 'string', validate: (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)) });
    // The document itself is no schema; these keywords only hold the schemas `$ref`s point into.
    this.ajv.addKeyword({ keyword: 'components' });
    this.ajv.addKeyword({ keyword: 'paths' });
    this.ajv.addSchema({ $id: DOC_ID, components: doc.components, paths: doc.paths });
  }

  /** Compiles (once) the schema at a JSON pointer of the document, e.g. `/components/schemas/Node`. */
  schemaAt(pointer: string): ValidateFunction {
    let found = this.compiled.get(pointer);
    if (!found) this.compiled.set(pointer, (found = this.ajv.compile({ $ref: `${DOC_ID}#${pointer}` })));
    return found;
  }

  operation(method: string, path: string): Operation {
    const operation = this.doc.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`docs/openapi.json documents no ${method} ${path}`);
    return operation;
  }

  /** The errors of a response body against what the document says `method path` answers with `status`; [] when it conforms. */
  checkResponse(method: string, path: string, status: number, body: unknown): string[] {
    const response = this.operation(method, path).responses[String(status)];
    if (!response) return [`${method} ${path} documents no ${status} response`];
    const pointer = response.$ref
      ? `${response.$ref.slice(1)}/content/application~1json/schema`
      : `/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    return this.errors(pointer, body);
  }

  errors(pointer: string, value: unknown): string[] {
    const validate = this.schemaAt(pointer);
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
