/** One language's texts of a bundle: namespaces (`persons`, `audit`…) of nested message keys. */
export type MessageTree = { [namespace: string]: unknown };

/** A bundle's texts in both languages; English has the Vietnamese keys (its file is typed by them). */
export interface MessageBundle<M extends MessageTree = MessageTree> {
  vi: M;
  en: M;
}

/** A page of the feature at an address of the app (for the manifest-driven shell; not read yet). */
export interface FeatureRoute {
  path: string;
}

/** The feature's entry in the navigation menu (for the manifest-driven shell; not read yet). */
export interface FeatureNavItem {
  key: string;
}

/**
 * What a feature brings to the web app: its name and texts today; its routes and menu entries once the shell is
 * built from the manifests. src/web/features.ts lists every feature's manifest.
 */
export interface WebFeatureManifest<M extends MessageTree = MessageTree> {
  /** The feature's folder under src/features. */
  name: string;
  /** The namespaces the feature owns, in both languages; no two bundles define the same namespace. */
  messages: MessageBundle<M>;
  routes?: readonly FeatureRoute[];
  nav?: readonly FeatureNavItem[];
}
