import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { HARD_QUESTION_PERCENT, ITEM_ANALYSIS_GROUP_SHARE, STABLE_STATISTICS_PLAYERS } from "../../../server/reports/types";

/** Plain-words explanation of the item-analysis measures, with the group size of this game. */
export function MeasuresHelp({ groupSize, playerCount }: { groupSize: number; playerCount: number }) {
  const t = useTranslations("teacherReports.help");
  const share = Math.round(ITEM_ANALYSIS_GROUP_SHARE * 100);
  const tags = { strong: (chunks: ReactNode) => <strong>{chunks}</strong>, em: (chunks: ReactNode) => <em>{chunks}</em> };
  return (
    <aside data-testid="report-measures-help" aria-labelledby="measures-help-title" className="rounded-2xl bg-sky-50 p-4 text-slate-800 ring-1 ring-sky-200 sm:p-6">
      <h3 id="measures-help-title" className="text-lg font-bold text-sky-950">
        {t("title")}
      </h3>
      <p className="mt-2 text-sm leading-relaxed">{t.rich("intro", tags)}</p>
      <div className="mt-2 grid gap-4 text-sm leading-relaxed md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <p>{t.rich("facility", tags)}</p>
          <p>
            {t.rich("groups", { ...tags, share })}{" "}
            {groupSize > 0 ? t.rich("groupsThisGame", { ...tags, groupSize, playerCount }) : t("groupsTooFew")}
          </p>
          <p>{t.rich("discrimination", { ...tags, share })}</p>
          <ul className="list-disc ps-5">
            <li>{t.rich("bandVeryGood", tags)}</li>
            <li>{t.rich("bandGood", tags)}</li>
            <li>{t.rich("bandFair", tags)}</li>
            <li>{t.rich("bandPoor", tags)}</li>
            <li>{t.rich("bandNegative", tags)}</li>
          </ul>
          <p>{t.rich("itemRest", tags)}</p>
        </div>
        <div className="flex flex-col gap-2">
          <p>{t.rich("distractors", tags)}</p>
          <ul className="list-disc ps-5">
            <li>{t.rich("distBottom", tags)}</li>
            <li>{t.rich("distTop", tags)}</li>
            <li>{t.rich("distAlike", tags)}</li>
            <li>{t.rich("distNobody", tags)}</li>
          </ul>
          <p>{t.rich("pointBiserial", tags)}</p>
          <p>{t.rich("reliability", tags)}</p>
          <p>{t.rich("hard", { ...tags, percent: HARD_QUESTION_PERCENT })}</p>
          <p className="text-slate-600">{t("few", { stable: STABLE_STATISTICS_PLAYERS })}</p>
        </div>
      </div>
    </aside>
  );
}
