/**
 * Quiz files shaped to make a markdown renderer slow: emphasis runs, deep quotes and lists, long
 * tables, huge link references, 1 MB lines. Some break a limit (and must be refused with a line),
 * the rest stay just inside every limit (and must be read quickly). Shared by the benchmark and tests.
 */
export interface PathologicalQuiz {
  name: string;
  source: string;
}

const SIZE = 190_000;
const OPTIONS = "\n- [x] right\n- [ ] wrong\n";

/** Repeats `unit` up to about `size` characters. */
const fill = (unit: string, size = SIZE) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
/** Cuts text into lines of at most `width` characters. */
const wrap = (text: string, width = 1_999) => text.match(new RegExp(`[^]{1,${width}}`, "g"))!.join("\n");
const question = (body: string) => `## Q\n${body}${OPTIONS}`;

export function pathologicalQuizzes(): PathologicalQuiz[] {
  const line2000 = (unit: string) => unit.repeat(Math.floor(1_999 / unit.length));
  return [
    // Over the limits: refused before anything is rendered.
    { name: "190 KB of *a on one line", source: question(fill("*a")) },
    { name: "190 KB of _a on one line", source: question(fill("_a")) },
    { name: "190 KB of *a in one paragraph", source: question(wrap(fill("*a"))) },
    { name: "1 MB line", source: question("a ".repeat(524_288)) },
    { name: "1 MB of *a", source: question("*a".repeat(524_288)) },
    { name: "quotes 12 deep", source: question(fill(`${"> ".repeat(12)}a\n`)) },
    { name: "list 12 deep on one line", source: question(fill(`${"- ".repeat(12)}a\n\n`)) },
    { name: "list 50 deep by indentation", source: question(Array.from({ length: 50 }, (_, i) => `${"  ".repeat(i)}- a`).join("\n")) },
    { name: "table with 5,000 rows", source: question(`| a | b |\n|---|---|\n${fill("| x | y |\n")}`) },
    { name: "table with 60 columns", source: question(`${"|a".repeat(60)}|\n${"|-".repeat(60)}|\n${"|x".repeat(60)}|\n`) },
    { name: "2,000 link definitions", source: question(`${Array.from({ length: 2_000 }, (_, i) => `[r${i}]: https://example.com/${i}`).join("\n")}\n\n${"[a][r1] ".repeat(200)}\n`) },
    { name: "one 190 KB link definition", source: question(`[a]: https://example.com/${"x".repeat(SIZE)}\n\n[a]\n`) },
    { name: "list of 10,000 items", source: question(fill("- item\n")) },
    { name: "8,000 questions", source: fill("## Q\n- [x] a\n- [ ] b\n", 180_000) },

    // Just inside every limit: read, and quickly.
    { name: "200 emphasis runs per 2,000-character paragraph", source: question(fill(`${line2000("**a " + "b".repeat(6))}\n\n`)) },
    { name: "200 _a runs per paragraph, long paragraphs", source: question(fill(`${"_a".repeat(200)}\n${Array.from({ length: 20 }, () => line2000("word ")).join("\n")}\n\n`)) },
    { name: "200 ** openers, closer at the end of a 190 KB paragraph", source: question(wrap(`${"**a ".repeat(199)}${"word ".repeat(37_000)} a** b`)) },
    { name: "quotes 10 deep", source: question(fill(`${"> ".repeat(10)}*a* _b_ [c](https://example.com)\n\n`)) },
    { name: "lists 10 deep", source: question(fill(`${Array.from({ length: 10 }, (_, i) => `${"  ".repeat(i)}- *a*`).join("\n")}\n\nText.\n\n`)) },
    { name: "tables of 100 rows × 20 columns", source: question(fill(`${"|h".repeat(20)}|\n${"|-".repeat(20)}|\n${`${"|*x*".repeat(20)}|\n`.repeat(100)}\n`)) },
    { name: "100 link definitions of 1,900 characters", source: question(`${Array.from({ length: 100 }, (_, i) => `[r${i}]: https://example.com/${"x".repeat(1_900)}`).join("\n")}\n\n${wrap(fill("[a][r1] [b][r99] ", 4_000))}\n`) },
    { name: "2,000-character lines of brackets", source: question(fill(`${line2000("[a")}\n\n`)) },
    { name: "2,000-character lines of `a", source: question(fill(`${line2000("`a")}\n\n`)) },
    { name: "2,000-character lines of <a", source: question(fill(`${line2000("<a ")}\n\n`)) },
    { name: "200 questions with long bodies", source: Array.from({ length: 200 }, (_, i) => `## Question ${i + 1}\n\n${"Some *long* text. ".repeat(50)}\n- [x] a\n- [ ] b\n`).join("\n") },
  ];
}
