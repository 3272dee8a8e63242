/**
 * Markdown → sanitised HTML for quiz text. Pure: runs in Node and in the browser.
 *
 * Allowed: basic formatting, headings, lists, block quotes, code, tables, links
 * (http, https, mailto or relative) and images (http/https, or the quiz's own pictures written
 * `![alt](picture:name)`, see pictures.ts; no data: URIs).
 * Removed: scripts, iframes, forms, event handlers, style attributes and anything else.
 * Maths (`$…$`, `$$…$$`) is typeset by KaTeX after sanitising (see maths.ts).
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { mathsExtension, mathsProblems, withMaths, type MathsProblem } from "./maths";
import { PICTURE_SIZES, PICTURE_SRCSET, PICTURE_URL, pictureImage, withPictures, type PictureReference } from "./pictures";
import { QUIZ_TAGS } from "./quiz-tags";

// A private instance so other code calling `marked.use()` cannot change quiz rendering.
const md = new Marked({ gfm: true, breaks: false, silent: false })
  .use(mathsExtension())
  .use({
    renderer: {
      image(token) {
        return pictureImage(token, token.tokens ? this.parser.parseInline(token.tokens, this.parser.textRenderer) : token.text);
      },
    },
  });

/** An <img> may show an absolute http(s) address or one of the quiz's own stored pictures. */
function allowedImageSource(src: string | undefined): boolean {
  return /^https?:\/\//i.test(src ?? "") || PICTURE_URL.test(src ?? "");
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...QUIZ_TAGS],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "decoding"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
    code: ["class"],
  },
  allowedClasses: { code: ["language-*"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Images only from absolute http(s) addresses or the quiz's stored pictures: no data: URIs, no other requests to our own server.
  exclusiveFilter: (frame) => frame.tag === "img" && !allowedImageSource(frame.attribs.src),
  transformTags: {
    // A srcset only of the picture's own two renditions (see pictures.ts), with the one sizes the parser writes.
    img: (tagName, attribs) => {
      const { srcset, sizes, ...rest } = attribs;
      return { tagName, attribs: srcset !== undefined && PICTURE_SRCSET.test(srcset) && sizes === PICTURE_SIZES ? { ...rest, srcset, sizes } : rest };
    },
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" },
    }),
  },
};

/** Sanitises an HTML string with the quiz allow-list. */
export function sanitize(html: string): string {
  try {
    return sanitizeHtml(html, SANITIZE);
  } catch {
    return "";
  }
}

/** Renders block markdown (paragraphs, lists, code blocks…) to sanitised HTML. */
export function renderMarkdown(source: string): string {
  if (source.trim() === "") return "";
  try {
    return withMaths(() => sanitize(md.parse(source, { async: false }))).trim();
  } catch {
    return sanitize(escapeText(source));
  }
}

/** Renders one line of inline markdown (bold, code, links…) to sanitised HTML, no `<p>` wrapper. */
export function renderInlineMarkdown(source: string): string {
  if (source.trim() === "") return "";
  try {
    return withMaths(() => sanitize(md.parseInline(source.trim(), { async: false }))).trim();
  } catch {
    return sanitize(escapeText(source));
  }
}

const ALLOWED_TAGS = new Set(SANITIZE.allowedTags || []);
const ALLOWED_ATTRIBUTES = SANITIZE.allowedAttributes as Record<string, string[]>;

/**
 * What the sanitiser would take out of one line of quiz markdown, in plain words (`<script>`, an
 * image without an http(s) address, an `onclick` attribute…), so the checker can say so instead of
 * dropping it silently. Code spans are text, not HTML, so `` `<b>` `` removes nothing.
 */
export function removedMarkup(line: string): string[] {
  if (!line.includes("<")) return [];
  let html: string;
  try {
    html = md.parseInline(line, { async: false });
  } catch {
    return [];
  }
  const removed: string[] = [];
  const note = (what: string) => {
    if (!removed.includes(what)) removed.push(what);
  };
  sanitizeHtml(html, {
    ...SANITIZE,
    onOpenTag: (name, attribs) => {
      if (!ALLOWED_TAGS.has(name)) return note(`<${name}>`);
      if (name === "img" && !allowedImageSource(attribs.src)) return note("an image (<img>) whose address is not http:// or https://");
      for (const attribute of Object.keys(attribs)) {
        if (!(ALLOWED_ATTRIBUTES[name] ?? []).includes(attribute)) note(`the ${attribute} attribute of <${name}>`);
      }
    },
  });
  return removed;
}

/** The formulas of one line of quiz text (or one `$$` block) that KaTeX cannot typeset (they are shown as written). */
export function unreadableMaths(line: string): MathsProblem[] {
  return mathsProblems(line, (text) => md.parse(text, { async: false }));
}

/** The `picture:` references of one line of quiz text, as written (for the checker). */
export function pictureReferences(line: string): PictureReference[] {
  if (!line.toLowerCase().includes("picture:")) return [];
  try {
    return withPictures({}, () => md.parseInline(line, { async: false })).seen;
  } catch {
    return [];
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
