import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/** The boundaries of docs/architecture.md, as `npm run lint:deps` checks them, on a tree the test writes. */
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');

async function violations(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-deps-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const { tsConfig: _ts, ...options } = config.options;
  const result = await cruise(['src'], {
    ...options,
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  fs.rmSync(dir, { recursive: true });
  return (result.output as ICruiseResult).summary.violations.map(
    (v) => `${v.rule.name}: ${v.from} -> ${v.to}`,
  );
}

const persons = {
  'src/features/persons/index.ts': "export { findPerson } from './store.ts';\n",
  'src/features/persons/store.ts': 'export const findPerson = () => 1;\n',
  'src/features/persons/rules/age.ts': 'export const age = 1;\n',
  'src/features/persons/web/index.ts': "export { age } from '../rules/age.ts';\n",
};

describe('dependency rules', () => {
  it('accept a feature used through its index', async () => {
    expect(
      await violations({
        ...persons,
        'src/features/cases/store.ts': "import { findPerson } from '../persons/index.ts';\nfindPerson();\n",
        'src/features/cases/web/Page.ts':
          "import { age } from '../../persons/web/index.ts';\nexport { age };\n",
      }),
    ).toEqual([]);
  });

  it("refuse a feature reaching into another feature's files", async () => {
    expect(
      await violations({
        ...persons,
        'src/features/cases/store.ts': "import { findPerson } from '../persons/store.ts';\nfindPerson();\n",
      }),
    ).toEqual(['feature-through-index: src/features/cases/store.ts -> src/features/persons/store.ts']);
  });

  it('refuse core importing a feature, and the web importing server code', async () => {
    expect(
      await violations({
        ...persons,
        'src/core/dates.ts': "import { findPerson } from '../features/persons/index.ts';\nfindPerson();\n",
        'src/features/cases/store.ts': 'export const cases = 1;\n',
        'src/features/cases/web/Page.ts': "import { cases } from '../store.ts';\nexport { cases };\n",
      }),
    ).toEqual([
      'core-is-no-feature: src/core/dates.ts -> src/features/persons/index.ts',
      'web-imports-no-server-code: src/features/cases/web/Page.ts -> src/features/cases/store.ts',
    ]);
  });
});
