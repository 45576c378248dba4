import type { FeaturePage, NavEntry } from '../../../web/feature-pages.ts';
import { homePath } from '../../../web/session.ts';
import { AreaPage } from './AreaPage.tsx';

// The area page is every user's home: it stays in the first chunk.
export const adminUnitPages: FeaturePage[] = [{ path: '/areas/:code', component: AreaPage }];

export const adminUnitNav: NavEntry[] = [
  { key: 'areas', group: 'main', order: 10, to: homePath, prefix: '/areas/' },
];
