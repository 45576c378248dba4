import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readCookie } from './cookies.ts';
import { type Messages, mergedMessages } from './messages.ts';

export type Lang = 'vi' | 'en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const ONE_YEAR = 365 * 24 * 3600;

function storedLang(): Lang {
  let chosen: string | null | undefined;
  try {
    chosen = localStorage.getItem('lang');
  } catch {
    // Storage may be blocked (private mode): the cookie still carries the choice.
  }
  chosen ??= readCookie('lang');
  return chosen === 'en' ? 'en' : 'vi';
}

/** The server reads the `lang` cookie to answer errors in the user's language; keep both in step. */
function remember(lang: Lang) {
  if (typeof document === 'undefined') return; // outside a browser (unit tests of the texts)
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from many phones' browsers.
  document.cookie = `lang=${lang}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
  try {
    localStorage.setItem('lang', lang);
  } catch {
    // Ignore: the cookie is enough.
  }
  document.documentElement.lang = lang;
}

const initial = storedLang();
remember(initial);

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: mergedMessages('vi') }, en: { translation: mergedMessages('en') } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export async function setLang(lang: Lang) {
  remember(lang);
  await i18next.changeLanguage(lang);
}

export default i18next;
