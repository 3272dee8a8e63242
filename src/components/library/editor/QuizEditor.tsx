"use client";

import { useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { QuizPicture } from "@/quizdown/pictures";
import { QuizPicturesPanel } from "../QuizPicturesPanel";
import { QuizPreview } from "../QuizPreview";
import { SourceEditor } from "../SourceEditor";
import type { QuizDraft } from "../use-quiz-draft";
import { SMALL_BUTTON } from "./fields";
import type { EditorAutosave } from "./use-editor-autosave";
import { VisualEditor } from "./VisualEditor";

type Tab = "visual" | "text";
const TABS: readonly Tab[] = ["visual", "text"];
const TAB_KEY = "classroom-quiz:editor-tab";

function rememberedTab(): Tab {
  try {
    return typeof window !== "undefined" && window.localStorage.getItem(TAB_KEY) === "visual" ? "visual" : "text";
  } catch {
    return "text";
  }
}

/**
 * The quiz, edited as fields (Visual) or as quizdown (Text): both edit the same text, so switching
 * keeps everything. The teacher's last choice is remembered in this browser.
 * `actions` (the save controls) show under the editor, above the Text tab's preview. `pictures`: the
 * saved quiz's pictures (their panel shows above the tabs, the Visual tab offers them); a quiz not
 * saved yet has none.
 */
export function QuizEditor({ draft, autosave, fallbackTitle, actions, pictures }: { draft: QuizDraft; autosave: EditorAutosave; fallbackTitle: string; actions: ReactNode; pictures?: { quizId: string; list: QuizPicture[] } }) {
  const t = useTranslations("teacherEditor");
  const [tab, setTabState] = useState<Tab>(rememberedTab);
  const setTab = (next: Tab) => {
    setTabState(next);
    try {
      window.localStorage.setItem(TAB_KEY, next);
    } catch {
      // Not remembered: no harm.
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight" && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    const index = TABS.indexOf(tab);
    const next = event.key === "Home" ? TABS[0]! : event.key === "End" ? TABS[TABS.length - 1]! : TABS[(index + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`editor-tab-${next}`)?.focus();
  };
  const parsed = draft.result?.ok ? draft.result.quiz : null;
  // What the teacher said each picture shows when adding it: offered again when it is chosen for a question.
  const [alts, setAlts] = useState<Record<string, string>>({});
  const list = pictures?.list;
  const choices = useMemo(() => (list ? { names: list.map((picture) => picture.name), alts, byName: Object.fromEntries(list.map((picture) => [picture.name, picture])) } : undefined), [list, alts]);

  return (
    <div className="flex flex-col gap-4">
      {pictures && (
        <QuizPicturesPanel
          quizId={pictures.quizId}
          pictures={pictures.list}
          draft={draft}
          writeIntoText={tab === "text"}
          onAdded={(name, alt) => setAlts((known) => ({ ...known, [name]: alt }))}
        />
      )}
      {autosave.offer && <DraftOffer savedAt={autosave.offer.savedAt} restore={autosave.restore} discard={autosave.discard} />}
      <div role="tablist" aria-label={t("tabsLabel")} className="flex gap-1 border-b-2 border-slate-200">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`editor-tab-${name}`}
            data-testid={`editor-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`editor-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={onKeyDown}
            className={`-mb-0.5 rounded-t-lg border-b-4 px-5 py-2.5 font-bold focus:ring-4 focus:ring-indigo-300 focus:outline-none ${tab === name ? "border-indigo-700 bg-white text-indigo-800" : "border-transparent text-slate-700 hover:text-indigo-800"}`}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`editor-panel-${tab}`} aria-labelledby={`editor-tab-${tab}`} className="flex flex-col gap-6">
        {tab === "visual" ? (
          <>
            <VisualEditor draft={draft} fallbackTitle={fallbackTitle} openText={() => setTab("text")} pictures={choices} />
            {actions}
          </>
        ) : (
          <>
            <SourceEditor draft={draft} />
            {actions}
            {parsed && draft.title && <QuizPreview title={draft.title} questions={parsed.questions} settings={parsed.settings} />}
          </>
        )}
      </div>
    </div>
  );
}

function DraftOffer({ savedAt, restore, discard }: { savedAt: number; restore: () => void; discard: () => void }) {
  const t = useTranslations("teacherEditor");
  const format = useFormatter();
  return (
    <div role="status" data-testid="editor-draft-offer" className="flex flex-wrap items-center gap-3 rounded-2xl bg-sky-50 p-4 text-sky-950 ring-1 ring-sky-300">
      <p className="font-medium">{t("draftFound", { time: format.dateTime(new Date(savedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
      <button type="button" data-testid="editor-draft-restore" className={SMALL_BUTTON} onClick={restore}>
        {t("draftRestore")}
      </button>
      <button type="button" data-testid="editor-draft-discard" className={SMALL_BUTTON} onClick={discard}>
        {t("draftDiscard")}
      </button>
    </div>
  );
}
