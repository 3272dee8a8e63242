import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { PlayerApp } from "@/components/player/PlayerApp";
import { PHONE_NAMESPACES, pickNamespaces } from "@/i18n/client-messages";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("join");

export default async function JoinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code, names } = await searchParams;
  const initialCode = typeof code === "string" ? code.replace(/\D/g, "").slice(0, 6) : "";
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, PHONE_NAMESPACES)}>
      {/* The QR code of a game that takes drawn names only says so: the form then offers no typing (the server decides). */}
      <PlayerApp initialCode={initialCode} drawnNames={names === "drawn"} />
    </NextIntlClientProvider>
  );
}
