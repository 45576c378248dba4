import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';
import { LoginPage } from './LoginPage.tsx';

export const authPages: FeaturePage[] = [
  { path: '/login', component: LoginPage, public: true },
  { path: '/profile', component: lazyPage(() => import('./ProfilePage.tsx'), 'ProfilePage') },
  { path: '/admin/users', component: lazyPage(() => import('./UsersPage.tsx'), 'UsersPage'), admin: true },
];

export const authNav: NavEntry[] = [
  { key: 'users', group: 'admin', order: 10, to: () => '/admin/users' },
  { key: 'profile', group: 'bottom', order: 10, to: () => '/profile' },
];
