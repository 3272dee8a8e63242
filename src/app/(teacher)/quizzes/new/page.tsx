import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { NewQuizScreen } from "@/components/library/NewQuizScreen";
import { LIBRARY_IMPORT_NAMESPACES, pickNamespaces, TEACHER_NAMESPACES } from "@/i18n/client-messages";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("newQuiz");

export default async function NewQuizPage() {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, [...TEACHER_NAMESPACES, ...LIBRARY_IMPORT_NAMESPACES])}>
      <NewQuizScreen />
    </NextIntlClientProvider>
  );
}
