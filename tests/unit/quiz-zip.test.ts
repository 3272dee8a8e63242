import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readQuizZip, writeQuizZip } from "../../server/quizzes/convert/quiz-zip";
import { ZIP_TOO_MANY_ENTRIES, ZIP_UNPACKS_TOO_BIG, ZIP_UNREADABLE } from "@/library/quiz-zip";

const QUIZ = "## Yes?\n\n- [x] Yes\n- [ ] No\n";

describe("a quiz's .zip", () => {
  it("reads back what it wrote: the text and the pictures by name", async () => {
    const bytes = await writeQuizZip("quiz.md", QUIZ, [{ name: "cat.png", bytes: new Uint8Array([1, 2, 3]) }]);
    expect(await readQuizZip(bytes)).toEqual({ quizdown: QUIZ, fileName: "quiz.md", pictures: [{ name: "cat.png", bytes: new Uint8Array([1, 2, 3]) }], notes: [] });
  });

  it("refuses a .zip claiming more entries than a quiz has before making an object for each", async () => {
    const zip = new JSZip();
    zip.file("quiz.md", QUIZ);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.byteLength - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    view.setUint16(end + 8, 60_000, true);
    view.setUint16(end + 10, 60_000, true);
    await expect(readQuizZip(bytes)).rejects.toThrow(ZIP_TOO_MANY_ENTRIES);
    await expect(readQuizZip(new TextEncoder().encode("PK but not a zip"))).rejects.toThrow(ZIP_UNREADABLE);
  });

  it("stops unpacking an entry as soon as it passes its cap", async () => {
    const zip = new JSZip();
    zip.file("quiz.md", QUIZ);
    zip.file("big.png", new Uint8Array(6 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expect(readQuizZip(bytes)).rejects.toThrow(ZIP_UNPACKS_TOO_BIG);
  });
});
