"use client";

import { useId, useState, type ReactNode } from "react";
import type { QuizdownProblem } from "@/quizdown";
import type { EditorField } from "@/quizdown/editor-model";
import { useProblemText } from "@/components/shared/problem-text";

/** The checker's problems about one field, shown beside it. */
export interface FieldProblems {
  errors: QuizdownProblem[];
  warnings: QuizdownProblem[];
}

export const NO_PROBLEMS: FieldProblems = { errors: [], warnings: [] };

export type ProblemsByField = Partial<Record<EditorField, FieldProblems>>;

export function problemsOf(byField: ProblemsByField, ...fields: EditorField[]): FieldProblems {
  const found = fields.map((field) => byField[field] ?? NO_PROBLEMS);
  return { errors: found.flatMap((p) => p.errors), warnings: found.flatMap((p) => p.warnings) };
}

export const INPUT = "w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-indigo-600 focus:ring-2 focus:ring-indigo-200 focus:outline-none aria-[invalid=true]:border-red-600";
export const SMALL_BUTTON =
  "rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-semibold text-slate-700 hover:border-indigo-500 hover:text-indigo-700 focus:ring-2 focus:ring-indigo-300 focus:outline-none disabled:opacity-50";

export function ProblemNotes({ id, problems }: { id: string; problems: FieldProblems }) {
  const problemText = useProblemText();
  if (problems.errors.length === 0 && problems.warnings.length === 0) return null;
  return (
    <ul id={id} className="mt-1 flex flex-col gap-0.5 text-sm">
      {problems.errors.map((problem, i) => (
        <li key={`e${i}`} data-testid="editor-field-error" className="font-medium text-red-800">
          {problemText(problem)}
        </li>
      ))}
      {problems.warnings.map((problem, i) => (
        <li key={`w${i}`} data-testid="editor-field-warning" className="text-amber-900">
          {problemText(problem)}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: ReactNode;
  problems?: FieldProblems;
  testId?: string;
  hint?: ReactNode;
  className?: string;
}

function useDescribed(problems: FieldProblems | undefined) {
  const id = useId();
  const hasProblems = problems !== undefined && problems.errors.length + problems.warnings.length > 0;
  return { inputId: `${id}-input`, notesId: `${id}-notes`, hintId: `${id}-hint`, hasProblems, invalid: (problems?.errors.length ?? 0) > 0 };
}

export function TextField({ label, value, onChange, problems, testId, hint, className, multiline = false, dir = "auto" }: FieldProps & { value: string; onChange: (value: string) => void; multiline?: boolean; dir?: string }) {
  const d = useDescribed(problems);
  const describedBy = [hint ? d.hintId : "", d.hasProblems ? d.notesId : ""].filter(Boolean).join(" ") || undefined;
  const common = { id: d.inputId, value, "data-testid": testId, "aria-invalid": d.invalid || undefined, "aria-describedby": describedBy, dir, className: INPUT };
  return (
    <div className={className}>
      <label htmlFor={d.inputId} className="mb-1 block font-semibold text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={d.hintId} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {multiline ? <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} /> : <input type="text" {...common} onChange={(e) => onChange(e.target.value)} />}
      {problems && <ProblemNotes id={d.notesId} problems={problems} />}
    </div>
  );
}

/** A number that may be left empty (null); what is typed stays as typed until it reads as a number. */
export function NumberField({ label, value, onChange, problems, testId, hint, className }: FieldProps & { value: number | null; onChange: (value: number | null) => void }) {
  const d = useDescribed(problems);
  const [text, setText] = useState(value === null ? "" : String(value));
  const typed = readNumber(text);
  if (!Number.isNaN(typed) && typed !== value && !(typed === undefined && value === null)) {
    // Changed from elsewhere (the Text tab, a kind change): show the new value.
    setText(value === null ? "" : String(value));
  }
  const describedBy = [hint ? d.hintId : "", d.hasProblems ? d.notesId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={d.inputId} className="mb-1 block font-semibold text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={d.hintId} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={d.inputId}
        type="text"
        inputMode="decimal"
        value={text}
        data-testid={testId}
        aria-invalid={d.invalid || undefined}
        aria-describedby={describedBy}
        className={INPUT}
        onChange={(e) => {
          setText(e.target.value);
          const read = readNumber(e.target.value);
          onChange(read === undefined ? null : Number.isNaN(read) ? value : read);
        }}
      />
      {problems && <ProblemNotes id={d.notesId} problems={problems} />}
    </div>
  );
}

/** undefined: empty; NaN: not (yet) a number; else the number ("3,5" reads as 3.5). */
function readNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function SelectField<T extends string>({ label, value, options, onChange, problems, testId, className }: FieldProps & { value: T; options: Array<{ value: T; label: string }>; onChange: (value: T) => void }) {
  const d = useDescribed(problems);
  return (
    <div className={className}>
      <label htmlFor={d.inputId} className="mb-1 block font-semibold text-slate-800">
        {label}
      </label>
      <select id={d.inputId} value={value} data-testid={testId} aria-describedby={d.hasProblems ? d.notesId : undefined} aria-invalid={d.invalid || undefined} onChange={(e) => onChange(e.target.value as T)} className={INPUT}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {problems && <ProblemNotes id={d.notesId} problems={problems} />}
    </div>
  );
}
