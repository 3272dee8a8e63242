"use client";

import { Suspense } from "react";
import { TeacherPage } from "@/components/account/TeacherPage";
import { PastGamesView } from "@/components/reports/PastGamesView";

export default function PastGamesPage() {
  return (
    <TeacherPage wide>
      {() => (
        // PastGamesView reads the page and quiz from the address (useSearchParams).
        <Suspense fallback={<p className="text-slate-600">Loading your past games…</p>}>
          <PastGamesView />
        </Suspense>
      )}
    </TeacherPage>
  );
}
