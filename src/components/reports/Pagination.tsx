import { useTranslations } from "next-intl";
/** "Page 2 of 5" with Previous / Next buttons. */
export function Pagination({
  page,
  pageCount,
  onPage,
  disabled = false,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("teacherReports.pastGames");
  const button =
    "rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:border-indigo-500 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:border-slate-300";
  return (
    <nav aria-label={t("pages")} className="flex flex-wrap items-center justify-between gap-3">
      <button type="button" data-testid="past-games-prev" className={button} disabled={disabled || page <= 1} onClick={() => onPage(page - 1)}>
        ← {t("newer")}
      </button>
      <span className="text-slate-700 tabular-nums" aria-live="polite">
        {t("page", { page, count: Math.max(pageCount, 1) })}
      </span>
      <button
        type="button"
        data-testid="past-games-next"
        className={button}
        disabled={disabled || page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        {t("older")} →
      </button>
    </nav>
  );
}
