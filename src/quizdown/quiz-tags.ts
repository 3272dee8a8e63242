/** The tags quiz markup may use: the sanitiser's allow-list (markdown.ts), also kept by plain text of maths (maths.ts). */
export const QUIZ_TAGS = [
  "p", "br", "hr", "strong", "b", "em", "i", "del", "s", "sub", "sup", "mark",
  "code", "pre", "kbd", "blockquote", "ul", "ol", "li",
  "h1", "h2", "h3", "h4", "h5", "h6",
  "a", "img",
  "table", "thead", "tbody", "tr", "th", "td",
];
