import { useTranslations } from "next-intl";
import Link from "next/link";
import type { HostView } from "@/protocol";

export function HostFinished({ view }: { view: HostView }) {
  const t = useTranslations("host");
  return (
    <section data-testid="phase-finished" className="flex h-full flex-col items-center justify-center gap-[4vh] text-center">
      <h2 className="text-[8vh] font-black">{t("finished.thanks")}</h2>
      <p className="text-[3.5vh] text-indigo-100">{[view.endedEarly ? t("finished.endedEarly") : null, t("finished.saved")].filter(Boolean).join(" ")}</p>
      <div className="flex gap-[3vh]">
        <Link
          href={`/games/${view.gameId}`}
          data-testid="results-link"
          className="rounded-[1.5vh] bg-white px-[4vh] py-[2vh] text-[3.5vh] font-bold text-indigo-950"
        >
          {t("screen.seeResults")}
        </Link>
        <Link href="/" data-testid="dashboard-link" className="rounded-[1.5vh] border-[0.4vh] border-white px-[4vh] py-[2vh] text-[3.5vh] font-bold">
          {t("screen.backToQuizzes")}
        </Link>
      </div>
    </section>
  );
}
