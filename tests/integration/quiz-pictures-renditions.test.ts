/**
 * Pictures sized for the screen: an upload stores the big screen's rendition and a smaller one for
 * phones, both WebP without metadata, and a picture stored before phones had their own gets its
 * phone rendition on first request. On PGlite and PostgreSQL.
 */
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../server/db";
import { MAX_PICTURE_SIDE, PHONE_PICTURE_SIDE } from "../../src/quizdown/pictures";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { testDatabaseTargets } from "../support/test-database";

const QUIZ = `---
title: Maps
---

## Where is this?

![A blue map](picture:map.jpg)

- [x] Here
- [ ] There
`;

/** A 3000 × 2000 JPEG carrying EXIF. */
function cameraPhoto(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "Secret Place 51.5N 0.1W", Artist: "A Teacher" } })
    .toBuffer();
}

describe.each(testDatabaseTargets())("picture renditions on %s", (target) => {
  let quiz: TestQuizServer;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
  });
  afterAll(async () => {
    await quiz?.close();
  });

  async function upload(quizId: string, colour: string): Promise<{ hash: string; width: number; height: number }> {
    const response = await fetch(`${quiz.url}/api/pictures?quiz=${quizId}&name=map.jpg`, {
      method: "POST",
      headers: { cookie: quiz.teacher.cookie, "content-type": "image/jpeg" },
      body: new Uint8Array(await cameraPhoto(colour)),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { picture: { hash: string; width: number; height: number } }).picture;
  }

  async function served(path: string) {
    const response = await fetch(`${quiz.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    const bytes = Buffer.from(await response.arrayBuffer());
    return { bytes, meta: await sharp(bytes).metadata() };
  }

  it("stores a big and a phone rendition on upload, both WebP within their sizes and without metadata", async () => {
    const saved = await quiz.api.quizzes.create.mutate({ source: QUIZ });
    const picture = await upload(saved.quizId, "#2255aa");
    expect(picture).toMatchObject({ width: MAX_PICTURE_SIDE, height: 853 });
    const [row] = await quiz.database.db.select().from(schema.pictures).where(eq(schema.pictures.hash, picture.hash));
    expect(row!.phoneBytes).not.toBeNull();

    const big = await served(`/pictures/${picture.hash}.webp`);
    const phone = await served(`/pictures/${picture.hash}-phone.webp`);
    expect([big.meta.format, big.meta.width, big.meta.height]).toEqual(["webp", MAX_PICTURE_SIDE, 853]);
    expect([phone.meta.format, phone.meta.width, phone.meta.height]).toEqual(["webp", PHONE_PICTURE_SIDE, 426]);
    expect(phone.bytes.byteLength).toBeLessThan(big.bytes.byteLength);
    for (const { meta, bytes } of [big, phone]) {
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(bytes.includes(Buffer.from("Secret Place"))).toBe(false);
    }
    expect(Buffer.compare(phone.bytes, row!.phoneBytes!)).toBe(0);

    // The quiz's HTML offers both; the phone's markup asks for the phone's (tests/unit/quizdown-pictures-phone.test.ts).
    await quiz.api.quizzes.replace.mutate({ quizId: saved.quizId, source: QUIZ });
    const preview = await quiz.api.quizzes.get.query({ quizId: saved.quizId });
    expect(JSON.stringify(preview)).toContain(`/pictures/${picture.hash}-phone.webp 640w, /pictures/${picture.hash}.webp 1280w`);
  });

  it("makes the phone rendition of a picture stored before phones had their own, once, on first request", async () => {
    const saved = await quiz.api.quizzes.create.mutate({ source: QUIZ.replace("Maps", "Old maps") });
    // Another picture: the first one's phone rendition is already in the server's memory.
    const picture = await upload(saved.quizId, "#aa5522");
    await quiz.database.db.update(schema.pictures).set({ phoneBytes: null }).where(eq(schema.pictures.hash, picture.hash));

    const phone = await served(`/pictures/${picture.hash}-phone.webp`);
    expect([phone.meta.format, phone.meta.width, phone.meta.height]).toEqual(["webp", PHONE_PICTURE_SIDE, 426]);
    const [row] = await quiz.database.db.select({ phoneBytes: schema.pictures.phoneBytes }).from(schema.pictures).where(eq(schema.pictures.hash, picture.hash));
    expect(Buffer.compare(row!.phoneBytes!, phone.bytes)).toBe(0);

    expect((await fetch(`${quiz.url}/pictures/${"0".repeat(64)}-phone.webp`)).status).toBe(404);
    expect((await fetch(`${quiz.url}/pictures/${picture.hash}-tiny.webp`)).status).toBe(404);
  });
});
