// Schema validators for the report tests: the official SARIF 2.1.0 schema and our JSON report schema.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { projectRoot } from '../helpers/paths.js';

// Both packages are CommonJS with `exports.default`; under NodeNext the default import is the
// whole `module.exports`, so the constructor and the plugin sit on `.default`.
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

function readJson(...segments: readonly string[]): object {
  return JSON.parse(readFileSync(join(projectRoot, ...segments), 'utf8')) as object;
}

export const jsonReportSchema = readJson('docs', 'json-report.schema.json') as {
  readonly $defs: { readonly finding: { readonly properties: Readonly<Record<string, { readonly enum?: readonly string[] }>> } };
};

/** Validates a SARIF log against the OASIS SARIF 2.1.0 schema (draft-04). */
export const validateSarif: ValidateFunction = (() => {
  // The published schema's `language` pattern, `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, has a
  // stray `]` that is an error under the `u` flag ajv uses by default; without it the pattern is
  // valid (if loose) JavaScript. `strict: false` because the schema is draft-04 with unknown keywords.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(readJson('test', 'schemas', 'sarif-2.1.0.json'));
})();

/** Validates a JSON report against docs/json-report.schema.json (draft 2020-12). */
export const validateJsonReport: ValidateFunction = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(jsonReportSchema);
})();

export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`).join('\n');
}
