/**
 * Validates JSON against the "must" assertions of the W3C Web Annotation test
 * suite (test/fixtures/w3c-web-annotation-tests): each assertion is a
 * draft-04 JSON Schema, checked with formats (uri, date-time).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { fixturesRoot } from './fixtures.ts';

export const suiteRoot = path.join(fixturesRoot, 'w3c-web-annotation-tests');

export type Kind = 'annotation' | 'collection' | 'page';

const mustFiles: Record<Kind, string> = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test'
};

interface Assertion {
  file: string;
  validate: ValidateFunction;
  /** The embedded object the assertion describes, when it describes one (see `applies`). */
  describes?: string;
}

const readJson = async (file: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(path.join(suiteRoot, file), 'utf8'));

export class WebAnnotationValidator {
  readonly #musts: Record<Kind, Assertion[]>;

  private constructor(musts: Record<Kind, Assertion[]>) {
    this.#musts = musts;
  }

  static async load(): Promise<WebAnnotationValidator> {
    // Not strict: the suite's schemas carry keys of their own (assertionType, errorMessage).
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv, ['uri', 'date-time']);
    for (const file of (await readdir(path.join(suiteRoot, 'definitions'))).filter((name) => name.endsWith('.json')).sort()) {
      ajv.addSchema(await readJson(path.join('definitions', file)));
    }
    const musts = {} as Record<Kind, Assertion[]>;
    for (const [kind, testFile] of Object.entries(mustFiles) as [Kind, string][]) {
      const { assertions } = (await readJson(testFile)) as { assertions: string[] };
      musts[kind] = await Promise.all(
        assertions.map(async (file) => {
          // Assertion ids clash across files; they are compiled by content, not looked up.
          const { id: _id, ...schema } = await readJson(file);
          const properties = schema.properties as Record<string, { $ref?: string }> | undefined;
          const describes = properties && Object.keys(properties).length === 1 && properties.partOf?.$ref ? 'partOf' : undefined;
          return { file, validate: ajv.compile(schema), describes };
        })
      );
    }
    return new WebAnnotationValidator(musts);
  }

  static kindOf(document: unknown): Kind | undefined {
    const type = (document as { type?: unknown } | null)?.type;
    const types = Array.isArray(type) ? type : [type];
    if (types.includes('Annotation')) return 'annotation';
    if (types.includes('AnnotationCollection')) return 'collection';
    if (types.includes('AnnotationPage')) return 'page';
    return undefined;
  }

  /** The must assertions `document` fails, as "file: reason"; empty when it conforms. */
  failures(document: unknown, kind = WebAnnotationValidator.kindOf(document)): string[] {
    if (!kind) return ['(no type): not an Annotation, AnnotationCollection or AnnotationPage'];
    return this.#musts[kind]
      .filter((assertion) => applies(assertion, document) && !assertion.validate(document))
      .map((assertion) => `${assertion.file}: ${assertion.validate.errors?.map((error) => `${error.instancePath} ${error.message}`).join('; ')}`);
  }
}

/**
 * The page assertions about `partOf` check properties of the collection a
 * page embeds (its total, label, …). The model also lets `partOf` be the
 * collection's IRI, which has no such properties to check; the suite's
 * schemas still demand an object there, and so reject its own correct
 * samples example42 and example43. Such an assertion applies only when
 * `partOf` is an object.
 */
function applies(assertion: Assertion, document: unknown): boolean {
  if (assertion.describes === undefined) return true;
  const value = (document as Record<string, unknown>)[assertion.describes];
  return value === undefined || (typeof value === 'object' && value !== null);
}
