/**
 * Reads a `---`-delimited YAML block (the front matter, or a quizdown per-question block)
 * into key/value entries that carry the file line of each key.
 */
import { LineCounter, isMap, isNode, parseDocument } from "yaml";
import type { QuizdownProblem } from "./types";

const MAX_YAML_ERRORS = 3;

/** How problems name a settings block: the one at the top of the file, or a question's own (lines from-to). */
export interface YamlBlockName {
  text: string;
  params: { block: "top" | "question"; from: number; to: number };
}

export interface YamlEntry {
  /** Key as written. */
  key: string;
  value: unknown;
  /** 1-based file line of the key. */
  line: number;
}

export interface YamlBlock {
  entries: YamlEntry[];
  errors: QuizdownProblem[];
}

/**
 * @param lines all file lines
 * @param open 0-based index of the opening `---`
 * @param close 0-based index of the closing `---`
 * @param what how to name the block in messages, e.g. "The settings at the top", and its code values
 */
export function readYamlBlock(lines: string[], open: number, close: number, what: YamlBlockName): YamlBlock {
  const text = lines.slice(open + 1, close).join("\n");
  const toFileLine = (yamlLine: number) => Math.min(Math.max(open + 1 + yamlLine, open + 2), close + 1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });

  if (doc.errors.length > 0) {
    return {
      entries: [],
      // Later YAML errors are usually knock-on effects of the first few.
      errors: doc.errors.slice(0, MAX_YAML_ERRORS).map((err) => {
        const line = toFileLine(err.linePos?.[0]?.line ?? 1);
        const detail = (err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
        return {
          line,
          message: `${what.text} can't be read: line ${line} is not valid (${detail}). Write each setting on its own line as name: value.`,
          code: "yamlInvalid",
          params: { ...what.params, line, detail },
        };
      }),
    };
  }

  const contents = doc.contents;
  if (contents === null || contents === undefined) return { entries: [], errors: [] };
  if (!isMap(contents)) {
    return {
      entries: [],
      errors: [
        {
          line: open + 2,
          message: `${what.text} must be a list of settings written as name: value, one per line.`,
          code: "yamlNotMap",
          params: { ...what.params },
        },
      ],
    };
  }

  const entries: YamlEntry[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const key = isNode(keyNode) ? String(keyNode.toJS(doc)) : String(keyNode);
    const offset = isNode(keyNode) ? (keyNode.range?.[0] ?? 0) : 0;
    const value = isNode(pair.value) ? pair.value.toJS(doc) : pair.value;
    entries.push({ key, value, line: toFileLine(lineCounter.linePos(offset).line) });
  }
  return { entries, errors: [] };
}
