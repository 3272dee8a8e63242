import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A short reminder of how a quiz file is written, folded away until asked for. */
export function QuizdownHelp() {
  const t = useTranslations("teacherLibrary.help");
  const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;
  return (
    <details className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <summary className="cursor-pointer font-semibold text-indigo-800">{t("title")}</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <pre className="overflow-x-auto rounded-xl bg-slate-900 p-4 font-mono text-sm leading-6 text-slate-100">{EXAMPLE}</pre>
        <ul className="flex list-disc flex-col gap-2 ps-5 text-slate-700">
          <li>
            {t.rich("settings", { code })}
          </li>
          <li>
            {t.rich("question", { code })}
          </li>
          <li>
            {t.rich("options", { code })}
          </li>
          <li>
            {t.rich("explanation", { code })}
          </li>
        </ul>
      </div>
    </details>
  );
}

const EXAMPLE = `---
title: Planets
timeLimit: 20
shuffleAnswers: true
---

## Which planet is largest?

- [ ] Mars
- [x] Jupiter
    > Jupiter is more than twice as heavy as all
    > the other planets put together.
- [ ] Venus`;
