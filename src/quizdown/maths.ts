/**
 * Maths in quiz text: `$…$` inside a line and `$$…$$` on lines of their own, typeset by KaTeX when
 * the quiz is read (on the server; the teacher's live preview runs the same code), so every screen
 * and report gets finished HTML (with MathML for screen readers) and no phone downloads KaTeX.
 *
 * The quiz's own markup is sanitised with the strict allow-list first, with each formula standing
 * in as a placeholder; only then is KaTeX's output put in, so the looser list its output needs
 * (spans with classes and sizes, SVG, MathML) never applies to markup a quiz author wrote.
 */
import katex from "katex";
import markedKatex from "marked-katex-extension";
import type { MarkedExtension, TokenizerAndRendererExtension } from "marked";
import sanitizeHtml from "sanitize-html";
import { QUIZ_TAGS } from "./quiz-tags";

/** The limits a hostile formula meets: no links or HTML from TeX, bounded sizes and macro expansion. */
const KATEX_OPTIONS: katex.KatexOptions = { throwOnError: true, trust: false, strict: "ignore", maxSize: 20, maxExpand: 200, output: "htmlAndMathml" };

export interface MathsProblem {
  tex: string;
  reason: string;
}

/** Private-use characters around a placeholder's number: they survive sanitising as plain text. */
const OPEN = "\uE000";
const CLOSE = "\uE001";
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");

interface Formula {
  tex: string;
  html: string;
  /** KaTeX's reason when it could not typeset the formula (it is then shown as written). */
  problem?: string;
}

/** The formulas of the text being rendered now (marked renders synchronously, one text at a time). */
let formulas: Formula[] | null = null;

function typeset(tex: string, displayMode: boolean): Formula {
  try {
    return { tex, html: katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode }) };
  } catch (error) {
    const written = displayMode ? `$$${tex}$$` : `$${tex}$`;
    return { tex, html: `<code class="maths-unreadable">${escapeHtml(written)}</code>`, problem: katexReason(error) };
  }
}

function placeholder(tex: string, displayMode: boolean): string {
  if (!formulas) return escapeHtml(tex);
  formulas.push(typeset(tex, displayMode));
  return `${OPEN}${formulas.length - 1}${CLOSE}`;
}

function collectingFormulas<T>(render: () => T): { result: T; found: Formula[] } {
  const outer = formulas;
  const found: Formula[] = [];
  formulas = found;
  try {
    return { result: render(), found };
  } finally {
    formulas = outer;
  }
}

/** marked-katex-extension finds the formulas; its renderers are swapped for placeholders. */
export function mathsExtension(): MarkedExtension {
  const found = markedKatex().extensions as TokenizerAndRendererExtension[];
  return {
    extensions: found.map((extension) => ({
      ...extension,
      renderer: (token) => placeholder(String(token.text), Boolean(token.displayMode)) + ("level" in extension && extension.level === "block" ? "\n" : ""),
    })),
  };
}

const KATEX_OUTPUT: sanitizeHtml.IOptions = {
  allowedTags: [
    "span", "code", "svg", "path", "line",
    "math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msub", "msup", "msubsup",
    "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom", "menclose",
  ],
  allowedAttributes: {
    span: ["class", "style", "aria-hidden"],
    code: ["class"],
    math: ["xmlns", "display"],
    annotation: ["encoding"],
    svg: ["xmlns", "width", "height", "viewBox", "preserveAspectRatio", "style"],
    path: ["d"],
    line: ["x1", "y1", "x2", "y2", "stroke-width"],
    mo: ["fence", "stretchy", "minsize", "maxsize", "lspace", "rspace", "separator", "accent", "movablelimits"],
    mi: ["mathvariant"],
    mn: ["mathvariant"],
    mtext: ["mathvariant"],
    mover: ["accent"],
    munder: ["accentunder"],
    munderover: ["accent", "accentunder"],
    mfrac: ["linethickness"],
    mstyle: ["scriptlevel", "displaystyle", "mathcolor", "mathbackground"],
    mspace: ["width", "height", "depth", "mathbackground"],
    mpadded: ["width", "height", "depth", "lspace", "voffset", "mathbackground", "style"],
    menclose: ["notation", "mathbackground"],
    mtable: ["rowspacing", "columnalign", "columnspacing", "columnlines", "rowlines"],
    mtd: ["columnalign"],
  },
  allowedStyles: {
    "*": Object.fromEntries(
      [
        "height", "width", "min-width", "top", "bottom", "left", "vertical-align",
        "margin", "margin-left", "margin-right", "padding-left",
        "border-width", "border-top-width", "border-right-width", "border-bottom-width",
      ].map((property) => [property, [/^(?:-?\d*\.?\d+(?:em|ex|px|pt)?\s*)+$/]]),
    ),
  },
  allowedSchemes: [],
  disallowedTagsMode: "discard",
};
// Colours (\color, \colorbox) and borders: named colours, #hex or solid/dashed only.
const COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]+)$/i;
Object.assign(KATEX_OUTPUT.allowedStyles!["*"]!, {
  color: [COLOUR],
  "background-color": [COLOUR],
  "border-color": [COLOUR],
  "border-style": [/^(?:solid|dashed)$/],
  "border-right-style": [/^(?:solid|dashed)$/],
  position: [/^(?:relative|absolute)$/],
});

/**
 * Renders with `render` (a marked call followed by the strict sanitiser) while collecting the
 * formulas as placeholders, then puts each formula's KaTeX output in its place.
 */
export function withMaths(render: () => string): string {
  const { result: html, found } = collectingFormulas(render);
  if (found.length === 0) return html;
  // A formula inside an attribute (an image's alt text) stays as written. The sanitiser escaped
  // every "<" and ">" inside attribute values, so each <…> here is one whole tag.
  const inAttributes = html.replace(/<[^>]*>/g, (tag) => tag.replace(PLACEHOLDER, (_whole, index: string) => escapeHtml(found[Number(index)]?.tex ?? "")));
  return inAttributes.replace(PLACEHOLDER, (_whole, index: string) => sanitizeHtml(found[Number(index)]?.html ?? "", KATEX_OUTPUT));
}

/** The formulas in one line of quiz text that KaTeX cannot typeset, with KaTeX's reason (for the checker). */
export function mathsProblems(line: string, parseInline: (text: string) => string): MathsProblem[] {
  if (!line.includes("$")) return [];
  try {
    const { found } = collectingFormulas(() => parseInline(line));
    return found.flatMap(({ tex, problem }) => (problem ? [{ tex, reason: problem }] : []));
  } catch {
    return [];
  }
}

const KEPT_OF_TYPESET_MATHS = new Set(["math", "semantics", "annotation"]);

/**
 * Typeset formulas back to their TeX between dollars, for plain text (CSV, charts, reading aloud
 * on a server): KaTeX keeps each formula's TeX in its MathML annotation.
 */
export function mathsAsTex(html: string): string {
  if (!html.includes('class="katex')) return html;
  return sanitizeHtml(html, {
    allowedTags: [...QUIZ_TAGS, ...(KATEX_OUTPUT.allowedTags || [])],
    allowedAttributes: false,
    exclusiveFilter: (frame) => frame.attribs["aria-hidden"] === "true" || (/^m[a-z]+$/.test(frame.tag) && !KEPT_OF_TYPESET_MATHS.has(frame.tag)),
  }).replace(/<annotation[^>]*>([^<]*)<\/annotation>/g, (_whole, tex: string) => `$${tex}$`);
}

function katexReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^KaTeX parse error:\s*/, "").replace(/\s+at position \d+:.*$/s, "").trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
