import type { FeaturePage, HomeCard, NavEntry } from './feature-pages.ts';

/** One language's texts of a bundle: namespaces (`persons`, `audit`…) of nested message keys. */
export type MessageTree = { [namespace: string]: unknown };

/** A bundle's texts in both languages; English has the Vietnamese keys (its file is typed by them). */
export interface MessageBundle<M extends MessageTree = MessageTree> {
  vi: M;
  en: M;
}

/**
 * What a feature brings to the web app: its texts, rights, pages and menu entries. The shell's router, menu and
 * i18n read them from src/web/features.ts, the web's one list of features.
 */
export interface WebFeatureManifest<M extends MessageTree = MessageTree> {
  /** The feature's folder under src/features. */
  name: string;
  /** The namespaces the feature owns, in both languages; no two bundles define the same namespace. */
  messages: MessageBundle<M>;
  /** Its rights table (the server reads the same file): which role may do what. */
  permissions?: Readonly<Record<string, readonly string[]>>;
  pages?: readonly FeaturePage[];
  nav?: readonly NavEntry[];
  /** Its shortcuts on the user's home page (the journeys' first taps). */
  home?: readonly HomeCard[];
}
