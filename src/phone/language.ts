/**
 * The phone's language and its words: given in the page (see server/phone/phone-page.ts), changed in
 * place when the student picks another (the switcher sets the cookie first, then asks to refresh).
 */
import type { AbstractIntlMessages } from "use-intl";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/i18n/locales";

export interface PhoneLanguage {
  locale: Locale;
  messages: AbstractIntlMessages;
  /** The page's title in this language. */
  title: string;
}

let current: PhoneLanguage | null = null;
const listeners = new Set<() => void>();

export function setLanguage(language: PhoneLanguage): void {
  current = language;
  for (const listener of listeners) listener();
}

export function currentLanguage(): PhoneLanguage {
  if (!current) throw new Error("The phone's language was not set.");
  return current;
}

export function subscribeToLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function chosenLocale(): Locale | null {
  const value = document.cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(value) ? value : null;
}

/** The words of the language the cookie now names; the page's own stay if they cannot be fetched. */
export function refreshLanguage(): void {
  const locale = chosenLocale();
  if (!locale || locale === current?.locale) return;
  void fetch(`/phone/messages/${locale}.json`)
    .then((response) => (response.ok ? (response.json() as Promise<PhoneLanguage>) : Promise.reject(new Error(String(response.status)))))
    .then((language) => setLanguage(language))
    .catch(() => {});
}
