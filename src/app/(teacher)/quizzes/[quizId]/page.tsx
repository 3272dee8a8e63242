import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { QuizScreen } from "@/components/library/QuizScreen";
import { LIBRARY_IMPORT_NAMESPACES, pickNamespaces } from "@/i18n/client-messages";

export const metadata: Metadata = { title: "Quiz · Classroom Quiz" };

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
    <NextIntlClientProvider messages={pickNamespaces(messages, LIBRARY_IMPORT_NAMESPACES)}>
      <QuizScreen quizId={quizId} startReplacing={query.replace !== undefined} />
    </NextIntlClientProvider>
  );
}
