import type { MessageBundle } from './feature-manifest.ts';
import { webFeatures } from './features.ts';
import { shellEn } from './messages.en.ts';
import { type ShellMessages, shellVi } from './messages.vi.ts';

/** The shell's own texts, then every feature's (src/web/features.ts); each namespace in exactly one bundle. */
export const messageBundles: readonly { name: string; messages: MessageBundle }[] = [
  { name: 'shell', messages: { vi: shellVi, en: shellEn } },
  ...webFeatures,
];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type FeatureMessages = UnionToIntersection<(typeof webFeatures)[number]['messages']['vi']>;

/** All the app's texts of one language: the shell's namespaces and every feature's (typed keys for t()). */
export type Messages = {
  [Namespace in keyof (ShellMessages & FeatureMessages)]: (ShellMessages & FeatureMessages)[Namespace];
};

/** One language's texts of all the bundles, merged into the single i18next namespace `translation`. */
export function mergedMessages(lang: keyof MessageBundle): Messages {
  return Object.assign({}, ...messageBundles.map((bundle) => bundle.messages[lang])) as Messages;
}
