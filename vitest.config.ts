import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files first, so that the run does not end with one worker busy on a long file while the other
 * is idle. CI starts from a clean clone, without vitest's cache of durations (it lives in node_modules), and
 * the default order is then by file size, which puts a long walk of the app (a small file) near the end.
 * The files named here, then the browser and CLI tests (a Chromium or real processes each), then the other
 * tests of the running system; inside a group the default order (cached duration, else size).
 */
const LONGEST = [
  'test/http/authorization-matrix.test.ts',
  'test/browser/accessibility.test.ts',
  'test/cli/cli.test.ts',
  'test/cli/backup.test.ts',
];
function weight(file: string) {
  const i = LONGEST.indexOf(file);
  if (i >= 0) return 100 - i;
  if (file.startsWith('test/browser/') || file.startsWith('test/cli/')) return 2;
  if (file.startsWith('test/')) return 1;
  return 0;
}

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    return sorted
      .map((spec, i) => ({ spec, i, w: weight(relative(root, spec.moduleId).replaceAll('\\', '/')) }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
