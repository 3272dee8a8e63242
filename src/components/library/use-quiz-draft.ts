"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { parseQuizdown, type ParseResult, type QuizPicture } from "@/quizdown";
import { isQuizSourceTooBig, MAX_QUIZ_SOURCE_BYTES, newQuizTitle, SOURCE_TOO_BIG_MESSAGE } from "@/quizdown/source-rules";

export interface QuizDraft {
  source: string;
  /** The uploaded file's name, if the text came from a file. */
  fileName: string | undefined;
  setSource: (text: string) => void;
  loadFile: (file: File) => Promise<void>;
  /** Quizdown converted from another format on the server (Kahoot!, CSV, Moodle XML). */
  loadConverted: (text: string, fileName: string) => void;
  /** Why the picked file couldn't be read (too big, not text…). */
  fileError: string | null;
  /** The parse of the text as it is now; null while the text is empty or too big. */
  result: ParseResult | null;
  /** The text `result` was read from (it catches up with `source` a moment after typing). */
  parsedSource: string;
  tooBig: boolean;
  /** The title the quiz would get if saved now. */
  title: string | null;
  canSave: boolean;
  /** Where the cursor was last in the quiz text (the editor reports it). */
  setCursor: (position: number) => void;
  /** Writes `line` into the text on a line of its own after the cursor's line (at the end when it was never placed). */
  insertLine: (line: string) => void;
}

const QUIZ_FILE = /\.(md|markdown|txt)$/i;

/** The quiz text being written or uploaded, parsed in the browser on every change (nothing is sent). */
export function useQuizDraft(initialSource = "", pictures: QuizPicture[] = []): QuizDraft {
  const [source, setSourceText] = useState(initialSource);
  const cursor = useRef<number | null>(null);
  const [fileName, setFileName] = useState<string>();
  const [fileError, setFileError] = useState<string | null>(null);
  // Typing stays responsive on a long quiz: the parse catches up a moment later.
  const parsedSource = useDeferredValue(source);
  const tooBig = useMemo(() => isQuizSourceTooBig(parsedSource), [parsedSource]);
  const byName = useMemo(() => Object.fromEntries(pictures.map((picture) => [picture.name, picture])), [pictures]);
  const result = useMemo(
    () => (parsedSource.trim() === "" || tooBig ? null : parseQuizdown(parsedSource, { pictures: byName })),
    [parsedSource, tooBig, byName],
  );
  const upToDate = parsedSource === source;
  const title = result?.ok ? newQuizTitle(result.quiz.title, fileName) : null;

  const setSource = (text: string) => {
    setSourceText(text);
    setFileError(null);
  };

  const loadFile = async (file: File) => {
    if (!QUIZ_FILE.test(file.name)) return setFileError(`“${file.name}” isn't a quiz file: pick a quizdown file ending in .md.`);
    if (file.size > MAX_QUIZ_SOURCE_BYTES) return setFileError(SOURCE_TOO_BIG_MESSAGE);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setFileError(`“${file.name}” couldn't be read. Try saving it again, or paste its text below.`);
    }
    if (text.includes("\u0000")) return setFileError(`“${file.name}” isn't a text file. A quiz file is plain text written in quizdown.`);
    setSourceText(text.replace(/^\uFEFF/, ""));
    setFileName(file.name);
    setFileError(null);
  };

  const loadConverted = (text: string, name: string) => {
    setSourceText(text);
    setFileName(name);
    setFileError(null);
  };

  const insertLine = (line: string) => {
    setSourceText((text) => {
      const newline = cursor.current === null ? -1 : text.indexOf("\n", Math.min(cursor.current, text.length));
      const end = newline === -1 ? text.length : newline;
      const before = text.slice(0, end);
      const after = text.slice(end);
      // A paragraph of its own: a blank line before and after it, without doubling the blank line already there.
      const opening = before.trim() === "" ? "" : "\n\n";
      const closing = after.startsWith("\n\n") ? "" : "\n";
      cursor.current = end + opening.length + line.length;
      return before + opening + line + closing + after;
    });
    setFileError(null);
  };

  return {
    source,
    setCursor: (position: number) => {
      cursor.current = position;
    },
    insertLine,
    fileName,
    setSource,
    loadFile,
    loadConverted,
    fileError,
    result,
    parsedSource,
    tooBig,
    title,
    canSave: upToDate && !tooBig && result?.ok === true,
  };
}
