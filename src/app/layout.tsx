import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { textDirection } from "@/i18n/locales";
import "katex/dist/katex.min.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teacherTitles");
  return { title: "Classroom Quiz", description: t("description") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1e1b4b",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: each page carries the nonce of its own Content-Security-Policy
  // (server/http/security-headers.ts); a page prerendered at build time would have none.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body className="min-h-full font-sans antialiased">{children}</body>
    </html>
  );
}
