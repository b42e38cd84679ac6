// Validates SARIF against the official 2.1.0 JSON schema (shipped by @microsoft/jest-sarif) using Ajv 8.
//
// The schema is draft-04 and Ajv 8 has no draft-04 mode (that needs the ajv-draft-04 package, not
// installed). Draft-04 differs from draft-07 only in keywords this schema barely uses: the root `id`
// (draft-07 `$id`) and boolean exclusiveMinimum/Maximum (absent here), so the schema is adapted rather
// than weakened. Its `language` pattern is not a valid Unicode-mode regex, hence unicodeRegExp: false.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
export const SARIF_SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  if (schema.$schema !== 'http://json-schema.org/draft-04/schema#') throw new Error('SARIF schema is no longer draft-04: revisit this adapter');
  const { $schema: _draft, id, ...rest } = schema;
  const Ajv = AjvModule.default;
  const addFormats = addFormatsModule.default;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: String(id), ...rest });
}

/** Schema errors for `log` (empty when valid), as `instancePath: message` lines. */
export function sarifSchemaErrors(log: unknown): string[] {
  validator ??= compile();
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

/**
 * A second opinion with native draft-04 semantics: the Ajv 6 that @microsoft/jest-sarif depends on,
 * configured as its matcher configures it. Undefined when that Ajv 6 is not installed beside it.
 */
export const sarifSchemaErrorsDraft04: ((log: unknown) => string[]) | undefined = (() => {
  const sarifRequire = createRequire(require.resolve('@microsoft/jest-sarif/package.json'));
  let Ajv6: new (opts: object) => {
    addMetaSchema(schema: object): void;
    compile(schema: object): ((data: unknown) => boolean) & { errors?: { dataPath: string; message?: string }[] | null };
  };
  try {
    if (!String(sarifRequire('ajv/package.json').version).startsWith('6.')) return undefined;
    Ajv6 = sarifRequire('ajv');
  } catch {
    return undefined;
  }
  const ajv = new Ajv6({ schemaId: 'auto', validateSchema: false, allErrors: true });
  ajv.addMetaSchema(sarifRequire('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
  return (log: unknown) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath || '/'}: ${e.message ?? ''}`));
})();
