import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { homePath, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('profile.title'));
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <dl className="details">
        <dt>{t('profile.displayName')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('profile.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('profile.role')}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
        <dt>{t('profile.unit')}</dt>
        <dd>
          <Link to={homePath(user)}>{user.unitName}</Link>
        </dd>
      </dl>
      <ChangePasswordForm username={user.username} />
    </>
  );
}
