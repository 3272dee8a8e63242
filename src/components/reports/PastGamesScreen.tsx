"use client";

import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { TeacherPage } from "@/components/account/TeacherPage";
import { PastGamesView } from "./PastGamesView";

export function PastGamesScreen() {
  const t = useTranslations("teacherReports.pastGames");
  return (
    <TeacherPage wide>
      {() => (
        // PastGamesView reads the page and quiz from the address (useSearchParams).
        <Suspense fallback={<p className="text-slate-600">{t("loading")}</p>}>
          <PastGamesView />
        </Suspense>
      )}
    </TeacherPage>
  );
}
