"use client";

import { useTranslations } from "next-intl";
import { LinkQrCode } from "@/components/shared/LinkQrCode";

/**
 * A homework's link as a QR code, big enough to project, with its code and link in plain text
 * beside it for students who type them instead of scanning.
 */
export function HomeworkLinkQr({ code, link, large = false }: { code: string; link: string; large?: boolean }) {
  const t = useTranslations("teacherHomework.qr");
  const words = useTranslations("teacherHomework.progress");
  return (
    <div data-testid="homework-qr-block" className="flex flex-wrap items-center gap-5">
      <LinkQrCode url={link} testId="homework-qr" label={t("label", { url: link })} className={`shrink-0 p-2 ring-1 ring-slate-300 ${large ? "size-72" : "size-48"}`} />
      <div className="flex min-w-0 flex-col gap-2 text-slate-900">
        <p className="text-sm text-slate-700">{t("scan")}</p>
        <p>
          {words("code")}{" "}
          <strong data-testid="homework-code" className={`font-mono ${large ? "text-5xl" : "text-3xl"}`} dir="ltr">
            {code}
          </strong>
        </p>
        <p className="break-all">
          {words("link")}{" "}
          <a className="font-semibold text-indigo-800 underline" href={link} data-testid="homework-link" dir="ltr">
            {link}
          </a>
        </p>
      </div>
    </div>
  );
}
