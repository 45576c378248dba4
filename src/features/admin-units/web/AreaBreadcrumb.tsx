import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PathEntry } from './units-api.ts';

/** The unit's ancestors: those within the user's jurisdiction are links, the others plain text. */
export function AreaBreadcrumb({ path, current }: { path: PathEntry[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('area.breadcrumb')}>
      <ol>
        {path.map((entry) => (
          <li key={entry.code}>
            {entry.accessible ? (
              <Link to={`/areas/${entry.code}`}>{entry.nameWithType}</Link>
            ) : (
              <span>{entry.nameWithType}</span>
            )}
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
