/**
 * The phone's page (/join): the same player components as ever, rendered by Preact (aliased as React
 * when server/phone/build-phone.ts bundles this file) so a cheap phone downloads a fraction of what a
 * Next.js page costs. The server writes what the page needs into #phone-boot.
 */
import { createRoot } from "react-dom/client";
import { useSyncExternalStore } from "react";
import { NextIntlClientProvider } from "next-intl";
import { PlayerApp } from "@/components/player/PlayerApp";
import { textDirection } from "@/i18n/locales";
import { currentLanguage, setLanguage, subscribeToLanguage, type PhoneLanguage } from "./language";

export interface PhoneBoot extends PhoneLanguage {
  initialCode: string;
  drawnNames: boolean;
}

function Phone({ initialCode, drawnNames }: Pick<PhoneBoot, "initialCode" | "drawnNames">) {
  const { locale, messages } = useSyncExternalStore(subscribeToLanguage, currentLanguage);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      <PlayerApp initialCode={initialCode} drawnNames={drawnNames} />
    </NextIntlClientProvider>
  );
}

const boot = JSON.parse(document.getElementById("phone-boot")!.textContent!) as PhoneBoot;
setLanguage({ locale: boot.locale, messages: boot.messages, title: boot.title });
subscribeToLanguage(() => {
  const { locale, title } = currentLanguage();
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
  document.title = title;
});
const root = document.getElementById("phone")!;
// The page's placeholder (the stage's colour while this script loaded) gives way in the same frame.
root.replaceChildren();
createRoot(root).render(<Phone initialCode={boot.initialCode} drawnNames={boot.drawnNames} />);
