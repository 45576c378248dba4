import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { homePath, useMe } from './session.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { data: user } = useMe();
  useDocumentTitle(t('page.notFoundTitle'));
  return (
    <section className="page-message" data-testid="not-found">
      <h1>{t('page.notFoundTitle')}</h1>
      <p>{t('page.notFoundText')}</p>
      {user && (
        <Link className="btn btn-primary" to={homePath(user)}>
          {t('page.backToMyArea')}
        </Link>
      )}
    </section>
  );
}
