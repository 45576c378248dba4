// The app's entry order (main.tsx loads i18n first): the feature list and the shell import each other.
import './i18n.ts';
import { describe, expect, it } from 'vitest';
import { webFeatures } from './features.ts';
import { mergedMessages, messageBundles } from './messages.ts';

/** Every leaf's dotted key ('persons.import.row'), sorted. */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree)
    .flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key))
    .sort();
}

describe('message bundles', () => {
  it('lists every feature once, the shell first', () => {
    const names = messageBundles.map((bundle) => bundle.name);
    expect(names[0]).toBe('shell');
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(1)).toEqual(webFeatures.map((feature) => feature.name));
  });

  it.each(messageBundles.map((bundle) => [bundle.name, bundle] as const))(
    '%s: the English texts have exactly the Vietnamese keys, none empty',
    (_name, bundle) => {
      expect(keys(bundle.messages.en)).toEqual(keys(bundle.messages.vi));
      for (const lang of ['vi', 'en'] as const) {
        const empty = keys(bundle.messages[lang]).filter((key) => {
          const text = key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], bundle.messages[lang]);
          return typeof text !== 'string' || text.trim() === '';
        });
        expect(empty, lang).toEqual([]);
      }
    },
  );

  it('no namespace is defined by two bundles', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const bundle of messageBundles)
      for (const lang of ['vi', 'en'] as const)
        for (const namespace of Object.keys(bundle.messages[lang])) {
          const first = owner.get(`${lang}:${namespace}`);
          if (first !== undefined && first !== bundle.name)
            twice.push(`${namespace} (${first}, ${bundle.name})`);
          owner.set(`${lang}:${namespace}`, bundle.name);
        }
    expect(twice).toEqual([]);
  });

  it('the merged texts hold every bundle whole, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const merged = mergedMessages(lang);
      expect(keys(merged)).toEqual(messageBundles.flatMap((bundle) => keys(bundle.messages[lang])).sort());
    }
  });
});
