import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { CurrentUser } from './session.ts';

/** A page of a feature, mounted by the shell's router. */
export interface FeaturePage {
  path: string;
  component: ComponentType | LazyPage;
  /** Administrators only (others see the no-access page; the server refuses them too). */
  admin?: boolean;
  /** Outside the logged-in shell (the login page). */
  public?: boolean;
}

/** An entry of the navigation menu. */
export interface NavEntry {
  key: string;
  /** The text key of its label (default `nav.<key>`, the shell's names of the capabilities). */
  label?: string;
  group: 'main' | 'admin' | 'bottom';
  /** Place in its group: capabilities not built yet (src/web/NavMenu.tsx) sit between these. */
  order: number;
  to(user: CurrentUser): string;
  /** The address prefix under which it is the current item (default: exact match). */
  prefix?: string;
}

/**
 * A card on the user's home page (their own unit's page): what is waiting and the way there in one tap. Each
 * card loads in its own chunk, checks the user's rights and shows nothing when it has nothing to offer.
 */
export interface HomeCard {
  key: string;
  /** Place among the cards, top first. */
  order: number;
  component: LazyPage;
}

/** A page of its own chunk; `preload` starts loading it before it is rendered. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload(): Promise<unknown> };

/**
 * A page that loads on demand, in its own chunk: a commune phone downloads only what it opens.
 * `load` is `() => import('./Page.tsx')` and `name` the component it exports.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const start = () => {
    loading ??= load().then((m) => ({ default: m[name] as ComponentType }));
    return loading;
  };
  return Object.assign(lazy(start), { preload: start });
}
