import { describe, expect, it } from "vitest";
import { parseQuizdown, renderInlineMarkdown, renderMarkdown, type ParsedQuiz } from "@/quizdown";
import { unreadableMaths } from "@/quizdown/markdown";
import { htmlToPlainText } from "../../server/reports/plain-text";

const md = (...lines: string[]) => lines.join("\n");

function quizOf(source: string): ParsedQuiz {
  const result = parseQuizdown(source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.quiz;
}

/** The opening tags of an HTML string: what a browser would build elements from. */
const tags = (html: string) => [...html.matchAll(/<([a-z][\w-]*)([^>]*)>/gi)].map(([, name, attributes]) => ({ name: name!.toLowerCase(), attributes: attributes! }));

describe("maths in quiz text", () => {
  it("typesets $…$ in a prompt and an option into HTML with MathML, keeping the TeX for screen readers", () => {
    const quiz = quizOf(md("## What is $x^2$ when $x = 3$?", "", "- [x] $9$", "- [ ] $\\sqrt{3}$"));
    const [question] = quiz.questions;
    expect(question!.promptHtml).toMatch(/^What is <span class="katex">/);
    expect(question!.promptHtml).toContain("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">");
    expect(question!.promptHtml).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(question!.promptHtml).toContain('<span class="katex-html" aria-hidden="true">');
    expect(question!.options[0]!.html).toContain('<span class="katex">');
    // The square root is drawn with SVG, which the maths may carry (and nothing else may).
    expect(question!.options[1]!.html).toContain("<svg");
  });

  it("typesets $$…$$ on lines of their own as a displayed formula", () => {
    const html = renderMarkdown(md("Solve:", "", "$$", "\\frac{a}{b} = 2", "$$", "", "for $a$."));
    expect(html).toContain("<p>Solve:</p>");
    expect(html).toContain('<span class="katex-display">');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(html).toContain("<mfrac>");
  });

  it("leaves prices and lone dollar signs as text", () => {
    expect(renderInlineMarkdown("It costs $5 and $10 now.")).toBe("It costs $5 and $10 now.");
    expect(renderInlineMarkdown("Save $ 3 or $4")).toBe("Save $ 3 or $4");
  });

  it("gives a quiz author no way to markup through maths: no links, scripts, handlers or classes of their own", () => {
    const html = renderMarkdown(
      md(
        '<span class="fixed inset-0" style="position:fixed">cover</span> $x$',
        "",
        "$\\href{javascript:alert(1)}{click}$ $\\url{https://evil.example}$ $\\htmlClass{fixed inset-0}{y}$ $\\includegraphics{https://evil.example/a.png}$",
        "",
        "$\\text{<img src=x onerror=alert(1)>}$ $\\style{position:fixed}{z}$ $\\htmlData{a=b}{w}$",
      ),
    );
    const opened = tags(html);
    expect(opened.filter((tag) => tag.name === "a" || tag.name === "img" || tag.name === "script")).toEqual([]);
    // What the author wrote is only ever text (the formula's TeX, or KaTeX's red "unknown command").
    for (const tag of opened) expect(tag.attributes).not.toMatch(/\son\w+=|javascript:|evil\.example|fixed|inset-0|data-a/i);
    // The author's span is gone (the sanitiser's list has none); only KaTeX's own spans remain.
    expect(html).toContain("<p>cover ");
  });

  it("bounds what a formula may cost: huge sizes and runaway macros are refused, not rendered", () => {
    const runaway = renderInlineMarkdown("$\\def\\a{\\a\\a}\\a$");
    expect(runaway).toContain('<code class="maths-unreadable">');
    const huge = tags(renderInlineMarkdown("$\\rule{100000em}{100000em}$"));
    expect(huge.some((tag) => tag.attributes.includes("20em"))).toBe(true);
    for (const tag of huge) expect(tag.attributes).not.toContain("100000em");
  });

  it("shows a formula KaTeX cannot read as written, and the checker can say why", () => {
    expect(renderInlineMarkdown("Bad: $\\frac{1$ here")).toBe('Bad: <code class="maths-unreadable">$\\frac{1$</code> here');
    expect(unreadableMaths("Bad: $\\frac{1$ and good $x$")).toEqual([{ tex: "\\frac{1", reason: expect.stringContaining("expected '}'") }]);
    expect(unreadableMaths("All good: $x^2$")).toEqual([]);
  });

  it("keeps a formula inside an image's alt text as its TeX", () => {
    const html = renderInlineMarkdown("![the graph of $y = x^2$](https://example.com/graph.png)");
    expect(html).toBe('<img src="https://example.com/graph.png" alt="the graph of y = x^2" />');
  });

  it("gives reports and the CSV the formula's TeX as plain text", () => {
    const quiz = quizOf(md("## Is $x^2 < 3$ for $x = 1$?", "", "- [x] Yes, $1 < 3$", "- [ ] No"));
    expect(htmlToPlainText(quiz.questions[0]!.promptHtml)).toBe("Is $x^2 < 3$ for $x = 1$?");
    expect(htmlToPlainText(quiz.questions[0]!.options[0]!.html)).toBe("Yes, $1 < 3$");
  });
});
