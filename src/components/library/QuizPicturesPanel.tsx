"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/client/trpc";
import { MAX_PICTURE_BYTES, PICTURE_FILE_TYPES, PICTURE_REFUSALS, pictureMarkdown, pictureUrl, type PictureRefusal, type QuizPicture } from "@/quizdown/pictures";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./buttons";
import type { QuizDraft } from "./use-quiz-draft";

type Outcome = { picture: QuizPicture } | { error: { refusal: PictureRefusal | "failed" } };

/** Sends the file itself (not base64) to POST /api/pictures; the server resizes it and strips its metadata. */
async function sendPicture(quizId: string, file: File): Promise<Outcome> {
  if (file.size > MAX_PICTURE_BYTES) return { error: { refusal: "tooBig" } };
  if (!(PICTURE_FILE_TYPES as readonly string[]).includes(file.type)) return { error: { refusal: "notAPicture" } };
  try {
    const response = await fetch(`/api/pictures?quiz=${encodeURIComponent(quizId)}&name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": file.type },
      body: file,
    });
    const body = (await response.json()) as Outcome;
    if ("picture" in body || PICTURE_REFUSALS.includes(body.error?.refusal as PictureRefusal)) return body;
  } catch {
    // Told below in plain words.
  }
  return { error: { refusal: "failed" } };
}

/**
 * The quiz's pictures while its text is edited: add one (with the words players who can't see it
 * hear), and it is written into the text where the cursor is; each picture can be written in again
 * or taken out. In the Visual tab (`writeIntoText` false) an added picture is not written anywhere:
 * the teacher chooses it for a question or an option there, and `onAdded` passes on what it shows.
 */
export function QuizPicturesPanel({ quizId, pictures, draft, writeIntoText = true, onAdded }: { quizId: string; pictures: QuizPicture[]; draft: QuizDraft; writeIntoText?: boolean; onAdded?: (name: string, alt: string) => void }) {
  const t = useTranslations("teacherLibrary.pictures");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileId = useId();
  const altId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [alt, setAlt] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.quizzes.get.queryKey({ quizId }) });

  const add = useMutation({
    mutationFn: (picked: File) => sendPicture(quizId, picked),
    onSuccess: async (outcome) => {
      if ("error" in outcome) return setMessage({ kind: "error", text: t(`errors.${outcome.error.refusal}`) });
      await refresh();
      onAdded?.(outcome.picture.name, alt.trim());
      if (writeIntoText) draft.insertLine(pictureMarkdown(outcome.picture.name, alt));
      setMessage({ kind: "done", text: t(writeIntoText ? "added" : "addedVisual", { name: outcome.picture.name }) });
      setFile(null);
      setFileKey((key) => key + 1);
      setAlt("");
    },
    onError: () => setMessage({ kind: "error", text: t("errors.failed") }),
  });
  const remove = useMutation(trpc.quizzes.removePicture.mutationOptions({ onSuccess: refresh }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setMessage({ kind: "error", text: t("needFile") });
    if (alt.trim() === "") return setMessage({ kind: "error", text: t("needAlt") });
    setMessage(null);
    add.mutate(file);
  };

  const insert = (picture: QuizPicture) => {
    if (alt.trim() === "") return setMessage({ kind: "error", text: t("needAlt") });
    draft.insertLine(pictureMarkdown(picture.name, alt));
    setMessage({ kind: "done", text: t("inserted", { name: picture.name }) });
    setAlt("");
  };

  return (
    <section data-testid="quiz-pictures" aria-labelledby={`${fileId}-title`} className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div>
        <h3 id={`${fileId}-title`} className="text-xl font-black tracking-tight">
          {t("title")}
        </h3>
        <p className="mt-1 max-w-3xl text-slate-600">{t(writeIntoText ? "intro" : "introVisual")}</p>
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fileId} className="font-semibold text-slate-800">
            {t("file")}
          </label>
          <input
            key={fileKey}
            id={fileId}
            type="file"
            accept={PICTURE_FILE_TYPES.join(",")}
            data-testid="picture-file"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="max-w-full text-sm text-slate-700 file:me-3 file:rounded-lg file:border-0 file:bg-indigo-100 file:px-3 file:py-2 file:font-semibold file:text-indigo-900"
          />
        </div>
        <div className="flex min-w-64 flex-1 flex-col gap-1.5">
          <label htmlFor={altId} className="font-semibold text-slate-800">
            {t("alt")}
          </label>
          <input
            id={altId}
            type="text"
            data-testid="picture-alt"
            value={alt}
            maxLength={300}
            onChange={(event) => setAlt(event.target.value)}
            aria-describedby={`${altId}-hint`}
            className="rounded-lg border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
          />
          <p id={`${altId}-hint`} className="text-sm text-slate-600">
            {t("altHint")}
          </p>
        </div>
        <button type="submit" data-testid="picture-add" disabled={add.isPending} className={`${PRIMARY_BUTTON} mb-7`}>
          {add.isPending ? t("adding") : t("add")}
        </button>
      </form>
      <div aria-live="polite">
        {message && (
          <p
            data-testid={message.kind === "error" ? "picture-error" : "picture-done"}
            role={message.kind === "error" ? "alert" : undefined}
            className={`rounded-xl p-3 font-medium ${message.kind === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}
          >
            {message.text}
          </p>
        )}
      </div>
      {pictures.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200" data-testid="picture-list">
          {pictures.map((picture) => (
            <li key={picture.name} data-testid="picture-item" className="flex flex-wrap items-center gap-3 py-2">
              {/* The name beside it says which picture it is: the thumbnail itself is decoration. */}
              <img src={pictureUrl(picture.hash)} alt="" width={picture.width} height={picture.height} loading="lazy" className="h-12 w-auto rounded border border-slate-200 object-contain" />
              <code className="min-w-0 flex-1 break-all text-slate-800">{picture.name}</code>
              <span className="text-sm text-slate-600">{t("size", { width: picture.width, height: picture.height })}</span>
              {writeIntoText && (
                <button type="button" onClick={() => insert(picture)} className={SECONDARY_BUTTON}>
                  {t("insert")}
                </button>
              )}
              <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ quizId, name: picture.name })} className={SECONDARY_BUTTON}>
                {t("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
