import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { QueryProvider } from "@/client/query-provider";
import { pickNamespaces, TEACHER_NAMESPACES } from "@/i18n/client-messages";

/**
 * The teacher's pages (library, host screen, reports, accounts) read and change data through tRPC
 * and React Query. Only they get the provider: the phone's /join page sits outside this group and
 * never downloads either (see docs/notes/w-weight.md and bench/bundle.ts). Likewise only they get
 * the teacher pages' words (the host screen swaps in its own namespaces).
 */
export default async function TeacherLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, TEACHER_NAMESPACES)}>
      <QueryProvider>{children}</QueryProvider>
    </NextIntlClientProvider>
  );
}
