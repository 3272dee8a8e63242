import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { NewQuizScreen } from "@/components/library/NewQuizScreen";
import { LIBRARY_IMPORT_NAMESPACES, pickNamespaces } from "@/i18n/client-messages";

export const metadata: Metadata = { title: "Add a quiz · Classroom Quiz" };

export default async function NewQuizPage() {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, LIBRARY_IMPORT_NAMESPACES)}>
      <NewQuizScreen />
    </NextIntlClientProvider>
  );
}
