import { describe, expect, it } from "vitest";
import { parseQuizdown, renderInlineMarkdown, renderMarkdown, type ParsedQuiz } from "@/quizdown";

const md = (...lines: string[]) => lines.join("\n");

function quizOf(source: string): ParsedQuiz {
  const result = parseQuizdown(source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.quiz;
}

/** Every piece of HTML the parser produced for a quiz. */
function allHtml(quiz: ParsedQuiz): string {
  return quiz.questions
    .flatMap((q) => [q.promptHtml, q.bodyHtml, q.hintHtml ?? "", ...q.options.flatMap((o) => [o.html, o.commentHtml ?? ""])])
    .join("\n");
}

describe("markdown rendering", () => {
  it("renders basic formatting, lists, code and tables in block markdown", () => {
    const html = renderMarkdown(
      md("Some **bold**, *italic*, ~~gone~~ and `code`.", "", "- one", "- two", "", "```js", "let x = 1 < 2;", "```", "", "| a | b |", "|---|---|", "| 1 | 2 |"),
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain('<pre><code class="language-js">let x = 1 &lt; 2;');
    expect(html).toContain("<table>");
    expect(html).toContain("<td>1</td>");
  });

  it("renders inline markdown without a paragraph wrapper", () => {
    expect(renderInlineMarkdown("**Paris** is `big`")).toBe("<strong>Paris</strong> is <code>big</code>");
    expect(renderInlineMarkdown("   ")).toBe("");
  });

  it("keeps http(s) and mailto links (opening in a new tab) and http(s) images", () => {
    expect(renderInlineMarkdown("[docs](https://example.com/a?b=1)")).toBe(
      '<a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow" target="_blank">docs</a>',
    );
    expect(renderInlineMarkdown("[mail](mailto:t@example.com)")).toContain('href="mailto:t@example.com"');
    expect(renderInlineMarkdown("![a cat](https://example.com/cat.png)")).toBe('<img src="https://example.com/cat.png" alt="a cat" />');
  });
});

describe("sanitising", () => {
  it("removes script tags and their content", () => {
    const html = renderMarkdown("Hello <script>alert('x')</script> world\n\n<script>\nsteal()\n</script>");
    expect(html).not.toMatch(/script/i);
    expect(html).not.toContain("alert");
    expect(html).not.toContain("steal");
    expect(html).toContain("Hello");
  });

  it("removes event handlers and style attributes", () => {
    const html = renderMarkdown(
      md('<img src="https://example.com/a.png" onerror="alert(1)">', "", '<b style="color:red" onclick="alert(2)" onmouseover=alert(3)>bold</b>'),
    );
    expect(html).toContain('<img src="https://example.com/a.png" />');
    expect(html).toContain("<b>bold</b>");
    expect(html).not.toMatch(/onerror|onclick|onmouseover|style=|alert/i);
  });

  it("removes javascript: and other unsafe link targets", () => {
    const html = renderMarkdown(
      md("[one](javascript:alert(1))", "", '<a href="JaVaScRiPt:alert(2)">two</a>', "", '<a href="vbscript:x">three</a>', "", "[four](data:text/html,hi)"),
    );
    expect(html).not.toMatch(/javascript|vbscript|data:|alert/i);
    expect(html).toContain(">two</a>");
  });

  it("drops data: and relative images, iframes, forms, styles and svg", () => {
    const html = renderMarkdown(
      md(
        "![x](data:image/png;base64,AAAA)",
        "",
        "<img src=x onerror=alert(1)>",
        "",
        '<iframe src="https://example.com"></iframe>',
        "",
        '<form action="https://evil.example"><input name="pw"></form>',
        "",
        "<style>body { display: none }</style>",
        "",
        "<svg onload=alert(1)><circle /></svg>",
      ),
    );
    expect(html).not.toMatch(/<img|<iframe|<form|<input|<style|<svg|onload|onerror|data:|display/i);
  });

  it("sanitises every part of a parsed question", () => {
    const quiz = quizOf(
      md(
        "## Prompt <script>alert(1)</script> <img src=x onerror=alert(2)>",
        "",
        "Body [link](javascript:alert(3))",
        "",
        '> Hint <a href="javascript:alert(4)" onclick="alert(5)">here</a>',
        "",
        '- [x] Option <span style="color:red" onmouseover="alert(6)">one</span>',
        '    > Comment <iframe src="https://evil.example"></iframe><script>alert(7)</script>',
        "- [ ] Option two",
      ),
    );
    const html = allHtml(quiz);
    expect(html).not.toMatch(/<script|<iframe|javascript:|onerror|onclick|onmouseover|style=|alert/i);
    const q = quiz.questions[0]!;
    expect(q.promptHtml).toBe("Prompt");
    expect(q.hintHtml).toContain(">here</a>");
    expect(q.options[0]!.html).toBe("Option one");
    expect(q.options[0]!.commentHtml).toMatch(/^<p>Comment\s*<\/p>$/);
    // The markdown source is kept as written (it is never rendered as-is).
    expect(q.promptMarkdown).toContain("<script>");
  });
});
