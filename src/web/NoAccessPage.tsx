import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { homePath, useMe } from './session.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

/** Shown when the server answers 403: the content lies outside the user's jurisdiction or role. */
export function NoAccessPage() {
  const { t } = useTranslation();
  const { data: user } = useMe();
  useDocumentTitle(t('page.noAccessTitle'));
  return (
    <section className="page-message" data-testid="no-access">
      <h1>{t('page.noAccessTitle')}</h1>
      <p>{t('page.noAccessText')}</p>
      {user && (
        <Link className="btn btn-primary" to={homePath(user)}>
          {t('page.backToMyArea')}
        </Link>
      )}
    </section>
  );
}
