/**
 * A quiz with pictures exported as quizdown is a .zip of its text and its pictures, and that .zip
 * added back (POST /api/quiz-zip) makes a quiz showing the same pictures. Kahoot! and Moodle files
 * say the pictures are not in them. A .zip is hostile input: bombs, too many entries, odd names and
 * files that aren't pictures are refused or left out. On PGlite and PostgreSQL.
 */
import JSZip from "jszip";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZIP_NO_QUIZ, ZIP_SEVERAL_QUIZZES, ZIP_TOO_MANY_ENTRIES, ZIP_UNPACKS_TOO_BIG, ZIP_UNREADABLE } from "../../server/quizzes/convert/quiz-zip";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { testDatabaseTargets } from "../support/test-database";

const QUIZ = `---
title: Zoo trip
---

## Which animal is this?

![A blue square standing in for a cat](picture:photo.jpg)

- [x] ![A red tile](picture:red.png) Cat
- [ ] Dog
`;

function picture(colour: string, width: number, height: number, format: "png" | "jpeg" = "png"): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  return (format === "png" ? image.png() : image.jpeg()).toBuffer();
}

async function zipOf(files: Record<string, Uint8Array | string>, compression: "STORE" | "DEFLATE" = "DEFLATE"): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression });
}

describe.each(testDatabaseTargets())("quiz .zip with pictures on %s", (target) => {
  let quiz: TestQuizServer;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
  });
  afterAll(async () => {
    await quiz?.close();
  });

  async function addPicture(quizId: string, fileName: string, bytes: Buffer, type: string) {
    const response = await fetch(`${quiz.url}/api/pictures?quiz=${quizId}&name=${encodeURIComponent(fileName)}`, {
      method: "POST",
      headers: { cookie: quiz.teacher.cookie, "content-type": type },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBe(200);
  }

  async function sendZip(bytes: Uint8Array, cookie = quiz.teacher.cookie) {
    const response = await fetch(`${quiz.url}/api/quiz-zip`, { method: "POST", headers: { cookie, "content-type": "application/zip" }, body: new Uint8Array(bytes) });
    return {
      status: response.status,
      body: (await response.json()) as { quizId?: string; title?: string; pictures?: number; notes?: { message: string }[]; error?: { message: string } },
    };
  }

  async function libraryCount() {
    return (await quiz.api.quizzes.list.query()).quizzes.length;
  }

  it("exports a quiz with pictures as a .zip that, added back, shows the same pictures", async () => {
    const saved = await quiz.api.quizzes.create.mutate({ source: QUIZ });
    await addPicture(saved.quizId, "photo.jpg", await picture("#3366aa", 2000, 1000, "jpeg"), "image/jpeg");
    await addPicture(saved.quizId, "red.png", await picture("#cc2222", 40, 30), "image/png");
    await quiz.api.quizzes.replace.mutate({ quizId: saved.quizId, source: QUIZ });

    const exported = await quiz.api.quizzes.exportFile.query({ quizId: saved.quizId, format: "quizdown" });
    expect(exported).toMatchObject({ fileName: "zoo-trip.zip", mimeType: "application/zip", pictures: { count: 2, carried: true } });
    const zip = await JSZip.loadAsync(Buffer.from(exported.base64, "base64"));
    expect(Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort()).toEqual(["pictures/photo.jpg", "pictures/red.png", "zoo-trip.md"]);
    expect(await zip.file("zoo-trip.md")!.async("string")).toBe(QUIZ);

    // Kahoot! and Moodle files say the pictures are not in them.
    for (const format of ["kahoot", "moodle"] as const) {
      expect((await quiz.api.quizzes.exportFile.query({ quizId: saved.quizId, format })).pictures).toEqual({ count: 2, carried: false });
    }

    const before = await libraryCount();
    const added = await sendZip(Buffer.from(exported.base64, "base64"));
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ title: "Zoo trip", pictures: 2, notes: [] });
    expect(await libraryCount()).toBe(before + 1);
    const original = await quiz.api.quizzes.get.query({ quizId: saved.quizId });
    const copy = await quiz.api.quizzes.get.query({ quizId: added.body.quizId! });
    const shape = (pictures: { name: string; width: number; height: number }[]) => pictures.map(({ name, width, height }) => ({ name, width, height }));
    expect(shape(copy.pictures)).toEqual(shape(original.pictures));
    expect(shape(copy.pictures)).toEqual([
      { name: "photo.jpg", width: 1280, height: 640 },
      { name: "red.png", width: 40, height: 30 },
    ]);
    // The new quiz's text shows its own stored pictures, not their alt text.
    const html = JSON.stringify(copy);
    for (const stored of copy.pictures) expect(html).toContain(`src=\\"/pictures/${stored.hash}.webp\\"`);
    for (const stored of copy.pictures) expect((await fetch(`${quiz.url}/pictures/${stored.hash}-phone.webp`)).status).toBe(200);

    // A quiz without pictures is still exported as its .md.
    const plain = await quiz.api.quizzes.create.mutate({ source: "---\ntitle: Plain\n---\n\n## Yes?\n\n- [x] Yes\n- [ ] No\n" });
    expect(await quiz.api.quizzes.exportFile.query({ quizId: plain.quizId, format: "quizdown" })).toMatchObject({ fileName: "plain.md", pictures: { count: 0, carried: true } });
  });

  it("takes only the text and pictures, renamed as picture names, leaving out files that aren't pictures with a note", async () => {
    const bytes = await zipOf({
      "quiz/Zoo trip.md": QUIZ,
      "quiz/../../../etc/Photo.JPG": await picture("#3366aa", 200, 100, "jpeg"),
      "red.png": await picture("#cc2222", 40, 30),
      "fake.gif": "GIF? no, text",
      "run.exe": "MZ",
      "__MACOSX/._red.png": "junk",
    });
    const added = await sendZip(bytes);
    expect(added.status).toBe(200);
    expect(added.body.pictures).toBe(2);
    expect(added.body.notes!.map((note) => note.message)).toEqual([
      "“run.exe” was left out: only the quiz text (.md) and pictures (PNG, JPEG, WebP, GIF) are read from a .zip.",
      "The picture fake.gif was left out: it isn't a PNG, JPEG, WebP or GIF file.",
    ]);
    const saved = await quiz.api.quizzes.get.query({ quizId: added.body.quizId! });
    expect(saved.pictures.map((stored) => stored.name)).toEqual(["photo.jpg", "red.png"]);
  });

  it("refuses bombs, too many entries, no or several texts, and what isn't a .zip, saving nothing", async () => {
    const before = await libraryCount();
    // 80 MB of zeros packs into well under 1 MB: refused while unpacking, whatever the headers say.
    const bomb = await zipOf({ "quiz.md": QUIZ, "pictures/zeros.png": new Uint8Array(80 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(await sendZip(bomb)).toEqual({ status: 422, body: { error: { message: ZIP_UNPACKS_TOO_BIG } } });

    const many: Record<string, string> = { "quiz.md": QUIZ };
    for (let i = 0; i < 200; i += 1) many[`pictures/p${i}.png`] = "x";
    expect(await sendZip(await zipOf(many))).toEqual({ status: 422, body: { error: { message: ZIP_TOO_MANY_ENTRIES } } });
    expect(await sendZip(await zipOf({ "red.png": await picture("#cc2222", 4, 3) }))).toEqual({ status: 422, body: { error: { message: ZIP_NO_QUIZ } } });
    expect(await sendZip(await zipOf({ "a.md": QUIZ, "b.md": QUIZ }))).toEqual({ status: 422, body: { error: { message: ZIP_SEVERAL_QUIZZES } } });
    expect(await sendZip(new TextEncoder().encode("not a zip at all"))).toEqual({ status: 422, body: { error: { message: ZIP_UNREADABLE } } });
    const broken = await sendZip(await zipOf({ "quiz.md": "## A question without options\n" }));
    expect(broken.status).toBe(422);
    expect(await sendZip(await zipOf({ "quiz.md": QUIZ }), "")).toEqual({ status: 401, body: { error: { message: "Sign in again to add a quiz." } } });
    expect(await libraryCount()).toBe(before);
  });
});
