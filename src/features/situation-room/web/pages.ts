import { type FeaturePage, lazyPage, type NavEntry } from '../../../web/feature-pages.ts';

// Journey 6: the province's and district's morning screen (phone first; ?wall=1 for the wall screen).
export const situationRoomPages: FeaturePage[] = [
  {
    path: '/situation-room',
    component: lazyPage(() => import('./SituationRoomPage.tsx'), 'SituationRoomPage'),
  },
];

export const situationRoomNav: NavEntry[] = [
  {
    key: 'situationRoom',
    label: 'situationRoom.nav',
    group: 'main',
    order: 25,
    to: () => '/situation-room',
    prefix: '/situation-room',
  },
];
