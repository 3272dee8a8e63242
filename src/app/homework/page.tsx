import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { HomeworkApp } from "@/components/homework/HomeworkApp";
import { HOMEWORK_NAMESPACES, pickNamespaces } from "@/i18n/client-messages";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("homework");

export default async function StudentHomeworkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code } = await searchParams;
  const initialCode = typeof code === "string" ? code.replace(/\D/g, "").slice(0, 8) : "";
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, HOMEWORK_NAMESPACES)}>
      <HomeworkApp initialCode={initialCode} />
    </NextIntlClientProvider>
  );
}
