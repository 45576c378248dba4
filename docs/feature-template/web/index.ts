import type { WebFeatureManifest } from '../../../web/feature-manifest.ts';
import { examplePermissions } from '../permissions.ts';
import { exampleEn } from './messages.en.ts';
import { type ExampleMessages, exampleVi } from './messages.vi.ts';
import { exampleNav, examplePages } from './pages.ts';

export const exampleWeb = {
  name: 'example',
  permissions: examplePermissions,
  pages: examplePages,
  nav: exampleNav,
  messages: { vi: exampleVi, en: exampleEn },
} satisfies WebFeatureManifest<ExampleMessages>;
