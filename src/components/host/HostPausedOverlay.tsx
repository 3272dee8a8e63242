import { useTranslations } from "next-intl";
import type { LocalDeadline } from "@/client/countdown";
import { CountdownNumber } from "@/components/shared/CountdownNumber";
import { PauseIcon } from "@/components/shared/icons";

/** Over the question while paused: the whole room sees that the clock has stopped, and where. */
export function HostPausedOverlay({ deadline }: { deadline: LocalDeadline | null }) {
  const t = useTranslations("host.paused");
  return (
    <div
      role="status"
      data-testid="paused-overlay"
      className="absolute inset-0 z-20 flex flex-col items-center justify-center gap-[3vh] bg-stage/85 text-center backdrop-blur-sm"
    >
      <div className="flex items-center gap-[3vh]">
        <span className="flex size-[14vh] items-center justify-center rounded-full bg-white text-indigo-950">
          <PauseIcon className="size-[7vh]" />
        </span>
        <h2 className="text-[14vh] leading-none font-black">{t("title")}</h2>
      </div>
      <div className="flex items-center gap-[2vh] text-[3.5vh] font-semibold text-indigo-100">
        <span>{t("stoppedAt")}</span>
        <CountdownNumber deadline={deadline} testId="host-paused-countdown" className="h-[10vh] min-w-[10vh] bg-white px-[1.2vh] text-[5vh] text-indigo-950" />
        <span>{t("seconds")}</span>
      </div>
    </div>
  );
}
