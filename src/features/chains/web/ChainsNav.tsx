import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The three pages of the capability, one tap apart. */
export function ChainsNav({ current }: { current: 'chains' | 'clusters' | 'zones' }) {
  const { t } = useTranslation();
  const pages = [
    { key: 'chains', to: '/chains' },
    { key: 'clusters', to: '/clusters' },
    { key: 'zones', to: '/containment-zones' },
  ] as const;
  return (
    <nav className="chain-nav" aria-label={t('chains.nav')}>
      {pages.map((p) => (
        <Link key={p.key} to={p.to} aria-current={p.key === current ? 'page' : undefined}>
          {t(`chains.links.${p.key}`)}
        </Link>
      ))}
    </nav>
  );
}
