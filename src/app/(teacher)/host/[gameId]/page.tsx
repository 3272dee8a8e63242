import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { HostScreen } from "@/components/host/HostScreen";
import { HOST_NAMESPACES, pickNamespaces } from "@/i18n/client-messages";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("host");

export default async function HostPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, HOST_NAMESPACES)}>
      <HostScreen gameId={gameId} />
    </NextIntlClientProvider>
  );
}
