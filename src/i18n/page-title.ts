import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Messages } from "next-intl";

export type PageTitleKey = keyof Messages["teacherTitles"];

/** A page's title in the request's language: "Past games · Classroom Quiz" (the product's name is not translated). */
export async function pageTitle(key: Exclude<PageTitleKey, "description">): Promise<Metadata> {
  const t = await getTranslations("teacherTitles");
  return { title: `${t(key)} · Classroom Quiz` };
}
