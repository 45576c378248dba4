import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';

export function ExamplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('example.title'));
  return (
    <section className="card">
      <h1>{t('example.title')}</h1>
      <p>{t('example.empty')}</p>
    </section>
  );
}
