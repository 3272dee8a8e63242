import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { parseQuizdown } from "@/quizdown";
import { sanitize } from "@/quizdown/markdown";
import { forPhone, type QuizPictures } from "@/quizdown/pictures";
import { RichText } from "@/components/shared/RichText";

const BIG = "c".repeat(64);
const SMALL = "d".repeat(64);
const PICTURES: QuizPictures = {
  "map.png": { name: "map.png", hash: BIG, width: 1280, height: 960 },
  "tall.png": { name: "tall.png", hash: "e".repeat(64), width: 720, height: 1280 },
  "icon.png": { name: "icon.png", hash: SMALL, width: 300, height: 200 },
};

function promptOf(markdown: string): string {
  const result = parseQuizdown(`## ${markdown}\n\n- [x] Yes\n- [ ] No\n`, { pictures: PICTURES });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.quiz.questions[0]!.promptHtml;
}

describe("pictures sized for the screen", () => {
  it("offers the big screen both renditions, sized to avoid layout shift and loaded lazily", () => {
    const html = promptOf("Where? ![A map](picture:map.png)");
    expect(html).toContain(
      `<img src="/pictures/${BIG}.webp" alt="A map" width="1280" height="960" loading="lazy" decoding="async" srcset="/pictures/${BIG}-phone.webp 640w, /pictures/${BIG}.webp 1280w" sizes="(max-width: 640px) 100vw, 1280px" />`,
    );
    // A tall picture's phone rendition is 640 px high, so 360 px wide.
    expect(promptOf("![Tall](picture:tall.png)")).toContain(`-phone.webp 360w, /pictures/${"e".repeat(64)}.webp 720w"`);
    // A picture no bigger than the phone's rendition has just the one.
    const small = promptOf("![An icon](picture:icon.png)");
    expect(small).not.toContain("srcset");
    expect(small).toContain(`src="/pictures/${SMALL}.webp"`);
  });

  it("gives phones the phone rendition only, also in HTML stored before srcset", () => {
    const html = promptOf("Where? ![A map](picture:map.png)");
    const phone = forPhone(html);
    expect(phone).toContain(`<img src="/pictures/${BIG}-phone.webp" alt="A map" width="1280" height="960" loading="lazy" decoding="async" />`);
    expect(phone).not.toContain("srcset");
    expect(phone).not.toContain(`/pictures/${BIG}.webp`);
    const old = `<p>Hi <img src="/pictures/${SMALL}.webp" alt="x &quot;src=&quot;" width="300" height="200" loading="lazy" decoding="async" /> <img src="https://example.org/a.png" alt="y" /></p>`;
    expect(forPhone(old)).toBe(old.replace(`${SMALL}.webp`, `${SMALL}-phone.webp`));
    // The phone's markup (RichText on the phone screens) asks for the small one; the big screen's for both.
    const markup = (phone: boolean) => renderToStaticMarkup(createElement(RichText, { html, phone }));
    expect(markup(true)).toContain(`src="/pictures/${BIG}-phone.webp"`);
    expect(markup(true)).not.toContain(`/pictures/${BIG}.webp`);
    expect(markup(false)).toContain(`srcset="/pictures/${BIG}-phone.webp 640w`);
  });

  it("keeps no srcset but the picture's own renditions", () => {
    expect(sanitize(`<img src="/pictures/${BIG}.webp" srcset="/api/trpc/x 640w, /pictures/${BIG}.webp 1280w" sizes="(max-width: 640px) 100vw, 1280px" alt="a">`)).toBe(
      `<img src="/pictures/${BIG}.webp" alt="a" />`,
    );
    expect(sanitize(`<img src="https://example.org/a.png" srcset="https://evil.example/b.png 2x" alt="a">`)).toBe(`<img src="https://example.org/a.png" alt="a" />`);
    expect(sanitize(`<img src="/pictures/${BIG}.webp" srcset="/pictures/${SMALL}-phone.webp 640w, /pictures/${BIG}.webp 1280w" sizes="(max-width: 640px) 100vw, 1280px" alt="a">`)).toBe(
      `<img src="/pictures/${BIG}.webp" alt="a" />`,
    );
  });
});
