import type { ElementType } from "react";
import { forPhone } from "@/quizdown/pictures";

/**
 * The one place where HTML from the server is put into the page. The server's quizdown parser
 * renders and sanitises every prompt, option and explanation before it is stored, so nothing here
 * can run script. It is the quiz's own text, shown as written: its direction follows its first
 * strong letter (dir="auto"), so an English quiz reads left to right on an Arabic screen and back.
 * On a phone (`phone`), its pictures are their phone renditions (see forPhone).
 */
export function RichText({ html, as: Tag = "div", className = "", testId, phone = false }: { html: string; as?: ElementType; className?: string; testId?: string; phone?: boolean }) {
  return <Tag data-testid={testId} dir="auto" className={`rich-text ${className}`} dangerouslySetInnerHTML={{ __html: phone ? forPhone(html) : html }} />;
}
