import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = (): Promise<Metadata> => pageTitle("notFound");

/**
 * Our own 404 page: Next's built-in one carries an inline <style> without the CSP nonce. A plain link,
 * not next/link: this page is part of every page's tree, so next/link's code would ride along on the
 * phone's /join too. Worded on the server, so no catalog is sent to the browser for it.
 */
export default async function NotFound() {
  const t = await getTranslations("teacherCommon.notFound");
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 px-4 py-10 text-center">
      <h1 className="text-3xl font-black tracking-tight text-indigo-900">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <a href="/join" className="font-semibold text-indigo-700 hover:underline">
        {t("toJoin")}
      </a>
    </main>
  );
}
