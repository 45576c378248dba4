import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeCard } from './feature-pages.ts';
import { webFeatures } from './features.ts';

const cards = webFeatures
  .flatMap((f): readonly HomeCard[] => ('home' in f ? f.home : []))
  .sort((a, b) => a.order - b.order);

/** The features' shortcuts at the top of the user's home page. */
export function HomeCards() {
  const { t } = useTranslation();
  return (
    <section className="home-cards" aria-label={t('shell.shortcuts')} data-testid="home-cards">
      <Suspense fallback={null}>
        {cards.map(({ key, component: Card }) => (
          <Card key={key} />
        ))}
      </Suspense>
    </section>
  );
}
