import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from './i18n.ts';

/** "English" when the page is in Vietnamese, "Tiếng Việt" when in English; remembered in cookie and storage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLang() === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="btn btn-ghost lang-switch"
      data-testid="lang-switch"
      lang={next}
      title={t('lang.otherLabel')}
      onClick={() => void setLang(next)}
    >
      {t('lang.other')}
    </button>
  );
}
