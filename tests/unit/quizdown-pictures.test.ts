import { describe, expect, it } from "vitest";
import { parseQuizdown } from "@/quizdown";
import { htmlToPlainText } from "../../server/reports/plain-text";
import { pictureMarkdown, pictureNameFromFile, picturesInHtml, type QuizPictures } from "@/quizdown/pictures";

const HASH = "a".repeat(64);
const OTHER = "b".repeat(64);
const PICTURES: QuizPictures = {
  "cat.png": { name: "cat.png", hash: HASH, width: 640, height: 480 },
  "dog.jpg": { name: "dog.jpg", hash: OTHER, width: 300, height: 200 },
};

const quiz = (...lines: string[]) => lines.join("\n");

describe("pictures in quizdown", () => {
  it("shows an uploaded picture in the prompt, the body and an option, sized and lazy", () => {
    const result = parseQuizdown(
      quiz("## Which animal? ![A grey cat](picture:cat.png)", "", "![A brown dog](picture:dog.jpg)", "", "- [x] ![A grey cat](picture:cat.png) Cat", "- [ ] Dog"),
      { pictures: PICTURES },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [question] = result.quiz.questions;
    expect(question!.promptHtml).toContain(`<img src="/pictures/${HASH}.webp" alt="A grey cat" width="640" height="480" loading="lazy" decoding="async" />`);
    expect(question!.bodyHtml).toContain(`src="/pictures/${OTHER}.webp"`);
    expect(question!.options[0]!.html).toContain(`src="/pictures/${HASH}.webp"`);
    expect(result.warnings).toEqual([]);
    expect(picturesInHtml(question!.promptHtml + question!.bodyHtml)).toEqual([HASH, OTHER]);
  });

  it("warns about a picture not added to the quiz and shows its alt text instead", () => {
    const result = parseQuizdown(quiz("## Which animal? ![A grey cat](picture:cat.png)", "- [x] Cat", "- [ ] Dog"));
    if (!result.ok) throw new Error("expected ok");
    expect(result.quiz.questions[0]!.promptHtml).toBe("Which animal? A grey cat");
    expect(result.warnings.map((w) => [w.code, w.line, w.params.name])).toEqual([["pictureNotAdded", 1, "cat.png"]]);
  });

  it("refuses a picture without alt text, naming its line", () => {
    const result = parseQuizdown(quiz("## Which animal?", "", "![ ](picture:cat.png)", "- [x] Cat", "- [ ] Dog"), { pictures: PICTURES });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.line, e.params.name])).toEqual([["pictureNoAlt", 3, "cat.png"]]);
  });

  it("reads no picture inside code, and keeps other servers' images as before", () => {
    const result = parseQuizdown(quiz("## Which `![](picture:x.png)`?", "", "![Logo](https://example.org/logo.png)", "- [x] a", "- [ ] b"));
    if (!result.ok) throw new Error("expected ok");
    expect(result.warnings).toEqual([]);
    expect(result.quiz.questions[0]!.bodyHtml).toContain('src="https://example.org/logo.png"');
  });

  it("lets no other address of our own server through, written as markdown or HTML", () => {
    const result = parseQuizdown(
      quiz("## Q", "", '![x](/api/trpc/secret) <img src="/pictures/../api.webp" alt="y"> <img src="/pictures/' + HASH + '.webp" alt="z">', "- [x] a", "- [ ] b"),
    );
    if (!result.ok) throw new Error("expected ok");
    const body = result.quiz.questions[0]!.bodyHtml;
    expect(body).not.toContain("/api/");
    expect(body.match(/<img/g)).toHaveLength(1);
    expect(body).toContain(`/pictures/${HASH}.webp`);
  });

  it("names pictures from file names and writes their markdown", () => {
    expect(pictureNameFromFile("C:\\photos\\Été Photo 1.JPG")).toBe("ete-photo-1.jpg");
    expect(pictureNameFromFile("???")).toBe("picture");
    expect(pictureMarkdown("map.png", "A map [old]\nof Europe")).toBe("![A map \\[old\\] of Europe](picture:map.png)");
    const parsed = parseQuizdown(quiz(`## Where? ${pictureMarkdown("cat.png", "A [grey] cat")}`, "- [x] a", "- [ ] b"), { pictures: PICTURES });
    expect(parsed.ok && parsed.quiz.questions[0]!.promptHtml).toContain('alt="A [grey] cat"');
  });

  it("gives a picture as its alt text in the CSV and charts", () => {
    const parsed = parseQuizdown(quiz("## Which animal? ![A grey cat](picture:cat.png)", "- [x] Cat", "- [ ] Dog"), { pictures: PICTURES });
    expect(parsed.ok && htmlToPlainText(parsed.quiz.questions[0]!.promptHtml)).toBe("Which animal? [A grey cat]");
  });
});
