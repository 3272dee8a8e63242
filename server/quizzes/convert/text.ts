/** Plain text ↔ quizdown markdown, and HTML (Moodle) → plain text. */
import sanitizeHtml from "sanitize-html";

/** Characters that mean something in markdown (or maths) anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>$~|&]/g;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Invisible control characters dropped and broken emoji halves replaced, which a quiz file may not hold. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** Plain text as markdown that shows exactly that text (one line: newlines become spaces). */
export function escapeInline(text: string): string {
  // Braces as entities: a heading ending in `{…}` would otherwise be read as its settings.
  const line = cleanText(text).replace(/\s+/g, " ").trim().replace(INLINE_SPECIAL, "\\$&").replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
  // At the start of a line these would make a heading, quote, list or rule.
  return line.replace(/^([#>+=-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Paragraphs of plain text as markdown paragraphs. */
export function escapeBlock(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => escapeInline(paragraph))
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

/** Markdown source back to the text a reader sees, closely enough for a spreadsheet cell. */
export function markdownToPlain(markdown: string): string {
  return markdown.replace(/&#123;/g, "{").replace(/&#125;/g, "}").replace(/\\([!-/:-@[-`{-~])/g, "$1").trim();
}

const BLOCK_END = /<\/(p|div|li|h[1-6]|tr|blockquote|pre)\s*>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** HTML (as Moodle stores question text) to plain text; paragraphs are kept apart by a blank line. */
export function htmlToText(html: string): { text: string; hadImage: boolean } {
  const hadImage = /<img\b/i.test(html);
  const marked = html.replace(BLOCK_END, (tag) => `${tag}\n\n`);
  const stripped = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {}, nonTextTags: ["script", "style", "textarea", "option", "title"] });
  const text = stripped
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[ \t\r\f\v]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, hadImage };
}
