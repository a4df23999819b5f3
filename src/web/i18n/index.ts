/**
 * i18next set-up. zh-CN is the default; the choice is kept in localStorage and mirrored in the
 * `linli_lang` cookie so the server answers errors in the same language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

/** Languages the app offers. */
export type Lang = 'zh-CN' | 'en';

const KEY = 'linli_lang';

function stored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function mirror(lang: Lang): void {
  document.documentElement.lang = lang;
  // Not httpOnly on purpose: the server only reads it to pick the language of messages.
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous on purpose, the next request sends it
  document.cookie = `${KEY}=${lang}; path=/; max-age=31536000; samesite=lax`;
}

const initial = stored();
mirror(initial);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switch the language everywhere and remember it. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* private mode: the cookie still carries it */
  }
  mirror(lang);
  void i18n.changeLanguage(lang);
}

/** The current language. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
