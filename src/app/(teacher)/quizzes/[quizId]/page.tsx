import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { QuizScreen } from "@/components/library/QuizScreen";
import { LIBRARY_IMPORT_NAMESPACES, pickNamespaces, TEACHER_NAMESPACES } from "@/i18n/client-messages";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("quiz");

/** `?replace=1` (the library's Replace button) opens the page with the new-version editor. */
export default async function QuizPage({
  params,
  searchParams,
}: {
  params: Promise<{ quizId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ quizId }, query, messages] = await Promise.all([params, searchParams, getMessages()]);
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, [...TEACHER_NAMESPACES, ...LIBRARY_IMPORT_NAMESPACES])}>
      <QuizScreen quizId={quizId} startReplacing={query.replace !== undefined} />
    </NextIntlClientProvider>
  );
}
