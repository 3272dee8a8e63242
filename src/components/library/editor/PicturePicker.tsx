"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { EditorPicture } from "@/quizdown/editor-model";
import type { QuizPictures } from "@/quizdown/pictures";
import { INPUT, TextField } from "./fields";

/** The quiz's uploaded pictures as the editor offers them, with the alt text typed when each was added. */
export interface PictureChoices {
  names: string[];
  alts: Record<string, string>;
  /** The pictures themselves, for the question's preview. */
  byName: QuizPictures;
}

/**
 * Choose one of the quiz's pictures for a question or an option (a native select, so keyboards and
 * screen readers work as everywhere), then say what it shows: required, the field says so while empty.
 */
export function PicturePicker({ choices, value, onChange, label, testId }: { choices: PictureChoices; value: EditorPicture | null; onChange: (picture: EditorPicture | null) => void; label: string; testId: string }) {
  const t = useTranslations("teacherEditor");
  const id = useId();
  const names = value && !choices.names.includes(value.name) ? [...choices.names, value.name] : choices.names;
  const altMissing = value !== null && value.alt.trim() === "";
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid={`${testId}-picker`}>
      <div className="min-w-48">
        <label htmlFor={id} className="mb-1 block font-semibold text-slate-800">
          {label}
        </label>
        <select
          id={id}
          data-testid={testId}
          className={INPUT}
          value={value?.name ?? ""}
          aria-describedby={names.length === 0 ? `${id}-none` : undefined}
          onChange={(event) => {
            const name = event.target.value;
            // Another picture needs its own words: those said when it was added, or none yet (then asked for).
            onChange(name === "" ? null : { name, alt: choices.alts[name] ?? "" });
          }}
        >
          <option value="">{t("noPicture")}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {names.length === 0 && (
          <p id={`${id}-none`} className="mt-1 text-sm text-slate-600">
            {t("pictureNone")}
          </p>
        )}
      </div>
      {value && (
        <TextField
          className="min-w-48 flex-1"
          label={t("pictureAlt")}
          value={value.alt}
          testId={`${testId}-alt`}
          hint={altMissing ? <span className="font-medium text-red-800" data-testid={`${testId}-alt-needed`}>{t("pictureAltNeeded")}</span> : undefined}
          onChange={(alt) => onChange({ ...value, alt })}
        />
      )}
    </div>
  );
}
