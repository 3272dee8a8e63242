/**
 * next-intl's client API for the phone's own bundle: the same hooks, from use-intl (the library
 * next-intl is built on), without Next.js. The phone's components import "next-intl" unchanged.
 */
import type { ReactNode } from "react";
import { IntlProvider, type AbstractIntlMessages } from "use-intl";
import type { Locale } from "@/i18n/locales";

export { useFormatter, useLocale, useMessages, useNow, useTimeZone, useTranslations } from "use-intl";

export function NextIntlClientProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages}>
      {children}
    </IntlProvider>
  );
}
