"use client";

import { useTranslations } from "next-intl";
import { MAX_OPTIONS } from "@/quizdown";
import { blankOption, pictureOf, textWithoutPicture, withPicture, type EditorOption, type EditorQuestion, type QuestionPatch } from "@/quizdown/editor-model";
import { PicturePicker, type PictureChoices } from "./PicturePicker";
import { NumberField, ProblemNotes, SMALL_BUTTON, TextField, problemsOf, type ProblemsByField } from "./fields";

interface KindFieldsProps {
  question: EditorQuestion;
  number: number;
  problems: ProblemsByField;
  onChange: (patch: QuestionPatch) => void;
  pictures?: PictureChoices;
}

/** What a question's kind needs: its options, its right answer, its accepted answers or its slider. */
export function KindFields(props: KindFieldsProps) {
  switch (props.question.kind) {
    case "choice":
    case "order":
    case "poll":
      return <OptionFields {...props} />;
    case "truefalse":
      return <TrueFalseFields {...props} />;
    case "typed":
      return <TypedFields {...props} />;
    case "slider":
      return <SliderFields {...props} />;
  }
}

function OptionFields({ question, problems, onChange, pictures }: KindFieldsProps) {
  const t = useTranslations("teacherEditor");
  const { kind, options } = question;
  const setOption = (index: number, patch: Partial<EditorOption>) => onChange({ options: options.map((option, i) => (i === index ? { ...option, ...patch } : option)) });
  const move = (index: number, by: number) => {
    const next = [...options];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange({ options: next });
  };
  const right = options.filter((option) => option.correct).length;
  const listProblems = problemsOf(problems, "options");
  const notesId = `options-${question.id}-notes`;
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={listProblems.errors.length + listProblems.warnings.length > 0 ? notesId : undefined}>
      <legend className="mb-1 font-semibold text-slate-800">{kind === "order" ? t("orderItems") : t("options")}</legend>
      <p className="text-sm text-slate-600">{kind === "order" ? t("orderNote") : kind === "poll" ? t("pollNote") : t("choicePlays", { count: right })}</p>
      <ProblemNotes id={notesId} problems={listProblems} />
      <ol className="flex flex-col gap-3">
        {options.map((option, index) => (
          <li key={index} data-testid="editor-option" className="flex flex-col gap-2 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
            <div className="flex flex-wrap items-end gap-2">
              {kind === "choice" && (
                <label className="flex items-center gap-2 pb-2 font-semibold text-slate-800">
                  <input
                    type="checkbox"
                    checked={option.correct}
                    data-testid="editor-option-correct"
                    aria-label={t("correctLabel", { number: index + 1 })}
                    onChange={(e) => setOption(index, { correct: e.target.checked })}
                    className="h-5 w-5 accent-emerald-700"
                  />
                  <span aria-hidden="true">{t("correct")}</span>
                </label>
              )}
              <TextField
                className="min-w-48 flex-1"
                label={t("optionN", { number: index + 1 })}
                value={pictures ? textWithoutPicture(option.text, "option") : option.text}
                testId="editor-option-text"
                problems={problemsOf(problems, `option:${index}`)}
                onChange={(text) => setOption(index, { text: pictures ? withPicture(text, pictureOf(option.text, "option"), "option") : text })}
              />
              <div className="flex gap-1 pb-1">
                {kind === "order" && (
                  <>
                    <button type="button" className={SMALL_BUTTON} disabled={index === 0} aria-label={t("moveOptionUp", { number: index + 1 })} onClick={() => move(index, -1)}>
                      ↑
                    </button>
                    <button type="button" className={SMALL_BUTTON} disabled={index === options.length - 1} aria-label={t("moveOptionDown", { number: index + 1 })} onClick={() => move(index, 1)}>
                      ↓
                    </button>
                  </>
                )}
                <button type="button" className={SMALL_BUTTON} aria-label={t("removeOption", { number: index + 1 })} onClick={() => onChange({ options: options.filter((_, i) => i !== index) })}>
                  ✕
                </button>
              </div>
            </div>
            {pictures && (
              <PicturePicker
                choices={pictures}
                value={pictureOf(option.text, "option")}
                label={t("optionPicture", { number: index + 1 })}
                testId="editor-option-picture"
                onChange={(chosen) => setOption(index, { text: withPicture(textWithoutPicture(option.text, "option"), chosen, "option") })}
              />
            )}
            <TextField label={t("explanationLabel", { number: index + 1 })} value={option.explanation} onChange={(explanation) => setOption(index, { explanation })} />
          </li>
        ))}
      </ol>
      <div>
        <button type="button" data-testid="editor-add-option" className={SMALL_BUTTON} disabled={options.length >= MAX_OPTIONS} onClick={() => onChange({ options: [...options, blankOption()] })}>
          + {t("addOption")}
        </button>
      </div>
    </fieldset>
  );
}

function TrueFalseFields({ question, problems, onChange }: KindFieldsProps) {
  const t = useTranslations("teacherEditor");
  const notes = problemsOf(problems, "answer");
  const notesId = `tf-${question.id}-notes`;
  return (
    <fieldset aria-describedby={notes.errors.length + notes.warnings.length > 0 ? notesId : undefined}>
      <legend className="mb-1 font-semibold text-slate-800">{t("rightAnswer")}</legend>
      <div className="flex gap-4">
        {[true, false].map((value) => (
          <label key={String(value)} className="flex items-center gap-2 font-semibold">
            <input type="radio" name={`tf-${question.id}`} checked={question.answer === value} data-testid={`editor-truefalse-${value}`} onChange={() => onChange({ answer: value })} className="h-5 w-5 accent-indigo-700" />
            {value ? t("true") : t("false")}
          </label>
        ))}
      </div>
      <ProblemNotes id={notesId} problems={notes} />
    </fieldset>
  );
}

function TypedFields({ question, problems, onChange }: KindFieldsProps) {
  const t = useTranslations("teacherEditor");
  const accepted = question.accepted.length > 0 ? question.accepted : [""];
  const notes = problemsOf(problems, "accepted", "answer");
  const notesId = `typed-${question.id}-notes`;
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2" aria-describedby={notes.errors.length + notes.warnings.length > 0 ? notesId : undefined}>
        <legend className="mb-1 font-semibold text-slate-800">{t("accepted")}</legend>
        <p className="text-sm text-slate-600">{t("acceptedNote")}</p>
        <ProblemNotes id={notesId} problems={notes} />
        {accepted.map((answer, index) => (
          <div key={index} className="flex items-end gap-2">
            <TextField
              className="flex-1"
              label={t("acceptedN", { number: index + 1 })}
              value={answer}
              testId="editor-accepted"
              onChange={(text) => onChange({ accepted: accepted.map((a, i) => (i === index ? text : a)) })}
            />
            {accepted.length > 1 && (
              <button type="button" className={`${SMALL_BUTTON} mb-1`} aria-label={t("removeAccepted", { number: index + 1 })} onClick={() => onChange({ accepted: accepted.filter((_, i) => i !== index) })}>
                ✕
              </button>
            )}
          </div>
        ))}
        <div>
          <button type="button" className={SMALL_BUTTON} onClick={() => onChange({ accepted: [...accepted, ""] })}>
            + {t("addAccepted")}
          </button>
        </div>
      </fieldset>
      <NumberField className="max-w-xs" label={t("tolerance")} value={question.typedTolerance} problems={problemsOf(problems, "tolerance")} onChange={(typedTolerance) => onChange({ typedTolerance })} />
    </div>
  );
}

function SliderFields({ question, problems, onChange }: KindFieldsProps) {
  const t = useTranslations("teacherEditor");
  const { slider } = question;
  const set = (patch: Partial<EditorQuestion["slider"]>) => onChange({ slider: { ...slider, ...patch } });
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <NumberField label={t("min")} value={slider.min} testId="editor-slider-min" problems={problemsOf(problems, "min")} onChange={(min) => set({ min })} />
      <NumberField label={t("max")} value={slider.max} testId="editor-slider-max" problems={problemsOf(problems, "max")} onChange={(max) => set({ max })} />
      <NumberField label={t("step")} value={slider.step} testId="editor-slider-step" problems={problemsOf(problems, "step")} onChange={(step) => set({ step })} />
      <NumberField label={t("sliderAnswer")} value={slider.answer} testId="editor-slider-answer" problems={problemsOf(problems, "answer")} onChange={(answer) => set({ answer })} />
      <NumberField label={t("sliderTolerance")} value={slider.tolerance} testId="editor-slider-tolerance" problems={problemsOf(problems, "tolerance")} onChange={(tolerance) => set({ tolerance })} />
      <TextField label={t("unit")} value={slider.unit} testId="editor-slider-unit" problems={problemsOf(problems, "unit")} onChange={(unit) => set({ unit })} />
    </div>
  );
}
