"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { otherDeviceLink } from "@/client/host-secret";
import { LinkQrCode } from "@/components/shared/LinkQrCode";
import { useDismiss } from "./use-dismiss";

/**
 * "Use another device": a link that opens this host screen elsewhere (the teacher's phone, a
 * second laptop) with the host secret in its #key= fragment. It is shown only on request, since
 * whoever has it can run the game.
 */
export function HostOtherDevice({ gameId, hostSecret, origin }: { gameId: string; hostSecret: string; origin: string }) {
  const t = useTranslations("host.otherDevice");
  const [open, setOpen] = useState(false);
  const [showQr, setShowQr] = useState(false);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const close = useCallback(() => {
    setOpen(false);
    setShowQr(false);
    setCopied(null);
  }, []);
  const ref = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  useDismiss(ref, open, close);
  const link = otherDeviceLink(origin, gameId, hostSecret);

  const copy = async () => {
    try {
      // The clipboard API needs https or localhost; a laptop opened by its network address has neither.
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      const selection = window.getSelection();
      if (linkRef.current && selection) {
        selection.selectAllChildren(linkRef.current);
        setCopied(document.execCommand("copy") ? "yes" : "failed");
      } else {
        setCopied("failed");
      }
    }
  };

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        data-testid="host-other-device"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
        className="rounded-[1vh] border-[0.3vh] border-current px-[2vh] py-[0.8vh] text-[2.4vh] font-bold text-current hover:bg-white/10"
      >
        {t("button")}
      </button>
      {open && (
        <div
          data-testid="host-other-device-panel"
          className="absolute end-0 top-full z-30 mt-[1vh] flex w-[70vh] max-w-[90vw] flex-col gap-[1.5vh] rounded-[1.5vh] bg-white p-[2.5vh] text-[2.4vh] text-indigo-950 shadow-2xl"
        >
          <p className="text-[2.8vh] font-bold">{t("title")}</p>
          <p>{t("body")}</p>
          <p className="rounded-[1vh] bg-amber-100 px-[1.5vh] py-[1vh] font-semibold text-amber-950">
            {t("warning")}
          </p>
          <a
            ref={linkRef}
            href={link}
            data-testid="host-other-device-link"
            dir="ltr"
            className="rounded-[1vh] bg-slate-100 px-[1.5vh] py-[1vh] font-mono text-[2vh] break-all text-indigo-900 underline"
          >
            {link}
          </a>
          <div className="flex flex-wrap items-center gap-[1.5vh]">
            <button
              type="button"
              data-testid="host-other-device-copy"
              onClick={() => void copy()}
              className="rounded-[1vh] bg-indigo-700 px-[2vh] py-[0.8vh] font-bold text-white hover:bg-indigo-800"
            >
              {t("copy")}
            </button>
            <button
              type="button"
              data-testid="host-other-device-qr-toggle"
              aria-expanded={showQr}
              onClick={() => setShowQr((value) => !value)}
              className="rounded-[1vh] border-[0.3vh] border-indigo-700 px-[2vh] py-[0.6vh] font-bold text-indigo-800 hover:bg-indigo-50"
            >
              {showQr ? t("hideQr") : t("showQr")}
            </button>
            <span role="status" className="font-semibold">
              {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
            </span>
          </div>
          {showQr && <LinkQrCode url={link} testId="host-other-device-qr" label={t("qrLabel")} className="size-[34vh] self-center p-[1vh]" />}
        </div>
      )}
    </div>
  );
}
