// Plain message modules, no library: French first, English second. The choice is kept in a `lang`
// cookie, which the API also reads, so error messages come back in the same language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { fr, type MessageKey, type Messages } from './fr.ts';

export type Lang = 'fr' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const MESSAGES: Record<Lang, Messages> = { fr, en };
const COOKIE = 'lang';

const readStoredLang = (): Lang => {
  const match = document.cookie.match(/(?:^|;\s*)lang=(fr|en)\b/);
  return match?.[1] === 'en' ? 'en' : 'fr';
};

const storeLang = (lang: Lang) => {
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
};

export const translate =
  (lang: Lang): Translate =>
  (key, params) => {
    const text = MESSAGES[lang][key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };

type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** An ISO date (YYYY-MM-DD) or timestamp, written out in the reader's language, e.g. « 3 mars 1985 ». */
  formatDate: (iso: string, withTime?: boolean) => string;
};

const I18nContext = createContext<I18n | null>(null);

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
    return {
      lang,
      setLang,
      t: translate(lang),
      formatDate: (iso, withTime = false) => {
        const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
        const date = new Date(isDateOnly ? `${iso}T12:00:00Z` : iso);
        if (Number.isNaN(date.getTime())) return iso;
        return new Intl.DateTimeFormat(locale, {
          dateStyle: 'long',
          ...(withTime && !isDateOnly ? { timeStyle: 'short' } : {}),
          timeZone: 'Europe/Paris',
        }).format(date);
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};

/** Given to react-dsfr so its own texts (menu, display settings…) follow the chosen language. */
export const useLang = (): Lang => useI18n().lang;
