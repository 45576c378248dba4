import fc from 'fast-check';

/**
 * How long each fuzz property runs: a few seconds inside `npm test`; `npm run fuzz` sets FUZZ_RUNS for a long
 * run (every run, no time limit). FUZZ_SEED replays a failure fast-check reported.
 */
export function fuzzParameters(seconds = 3): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};
  const runs = Number(process.env.FUZZ_RUNS);
  return runs > 0
    ? { numRuns: runs, ...seed }
    : { numRuns: 100_000, interruptAfterTimeLimit: seconds * 1000, ...seed };
}

/** The test timeout of a fuzz test: unlimited runs take as long as they take. */
export const fuzzTimeout = (seconds = 60) => (Number(process.env.FUZZ_RUNS) > 0 ? 3_600_000 : seconds * 1000);

/** Text as users and files bring it: Vietnamese letters, digits, separators, controls and the odd emoji. */
export const text = (maxLength = 40) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữự0123456789 /-.,;:\t\n'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
      fc.constantFrom('\u0000', '\uFEFF', '\uD800', '"', "'", '\\', '%', '_'),
    ),
    maxLength,
  });

/** Values a JSON body can hold that a schema rarely expects. */
export const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(10_000),
    -1,
    0,
    1e308,
    -1e308,
    2 ** 53 + 2,
    0.5,
    '2021-02-30',
    '0000-00-00',
    '9999-99-99',
    '1900-01-01',
    [],
    {},
    null,
    true,
  ),
);

/** The parts of OpenAPI 3.0's schema language the API's request bodies use. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
}

/** Values of a JSON schema, near its edges too; `hints` proposes values for string patterns (real unit codes). */
export function shaped(schema: JsonSchema, hints: Record<string, string[]> = {}): fc.Arbitrary<unknown> {
  const base = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string': {
        const { minLength = 0, maxLength = 60, pattern } = schema;
        const length = (s: string) => s.length >= minLength && s.length <= maxLength;
        if (!pattern) return text(Math.min(maxLength, 200)).filter(length);
        const matching = fc.stringMatching(new RegExp(pattern)).filter(length);
        return hints[pattern] ? fc.oneof(fc.constantFrom(...hints[pattern]), matching) : matching;
      }
      case 'integer':
      case 'number': {
        const min = (schema.minimum ?? -1e9) + (schema.exclusiveMinimum ? 1 : 0);
        const max = Math.min(schema.maximum ?? 1e9, 2 ** 31);
        return schema.type === 'integer'
          ? fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max))
          : fc.double({ min, max, noNaN: true });
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(shaped(schema.items ?? {}, hints), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
      case 'object': {
        const properties = Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([key, s]) => [key, shaped(s, hints)]),
        );
        const known = fc.record(properties, { requiredKeys: schema.required ?? [] });
        const extra = schema.additionalProperties;
        if (!extra || extra === true || Object.keys(properties).length) return known;
        return fc.dictionary(text(20), shaped(extra, hints), { maxKeys: 4 });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

/** A value of the schema with one thing wrong somewhere: a field dropped, added or given an odd value. */
export function misshaped(schema: JsonSchema, hints: Record<string, string[]> = {}): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      shaped(schema, hints),
      fc.infiniteStream(fc.nat()),
      oddValue,
      fc.constantFrom('drop', 'odd', 'extra'),
    )
    .map(([value, choices, odd, how]) => {
      const pick = <T>(list: T[]) => list[choices.next().value % list.length]!;
      const visit = (v: unknown, depth: number): unknown => {
        if (Array.isArray(v) && v.length && depth < 3) {
          const i = pick([...v.keys()]);
          return v.map((item, j) => (j === i ? visit(item, depth + 1) : item));
        }
        if (v && typeof v === 'object' && depth < 3) {
          const o = { ...(v as Record<string, unknown>) };
          const keys = Object.keys(o);
          if (!keys.length || how === 'extra') return { ...o, [`extra${depth}`]: odd };
          const key = pick(keys);
          if (how === 'drop' && choices.next().value % 2) delete o[key];
          else o[key] = choices.next().value % 3 ? visit(o[key], depth + 1) : odd;
          return o;
        }
        return odd;
      };
      return visit(value, 0);
    });
}
