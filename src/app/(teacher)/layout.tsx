import type { ReactNode } from "react";
import { QueryProvider } from "@/client/query-provider";

/**
 * The teacher's pages (library, host screen, reports, accounts) read and change data through tRPC
 * and React Query. Only they get the provider: the phone's /join page sits outside this group and
 * never downloads either (see docs/notes/w-weight.md and bench/bundle.ts).
 */
export default function TeacherLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
