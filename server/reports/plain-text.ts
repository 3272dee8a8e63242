/** Quiz HTML (already sanitised by the quizdown parser) as one line of plain text, for charts and CSV; maths as its TeX. */
import { mathsAsTex } from "../../src/quizdown/maths";

const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|pre|blockquote|table|tr|td|th|hr)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
/** A picture is given as what it shows: its alt text (the sanitiser writes each attribute as name="value"). */
const PICTURE = /<img\b[^>]*?\balt="([^"]*)"[^>]*>/gi;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function htmlToPlainText(html: string): string {
  return mathsAsTex(html)
    .replace(BLOCK_TAG, " ")
    .replace(PICTURE, " [$1] ")
    .replace(ANY_TAG, "")
    .replace(ENTITY, decodeEntity)
    .replace(/\s+/g, " ")
    .trim();
}

function decodeEntity(whole: string, name: string): string {
  if (name[0] === "#") {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED[name.toLowerCase()] ?? whole;
}
