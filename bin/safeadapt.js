#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: from a bundle of its sources kept up to date by
// cli-bundle.js (fast to start), or through tsx when no bundle can be built here.
import { cliBundle } from './cli-bundle.js';

const bundle = await cliBundle();
if (bundle) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
