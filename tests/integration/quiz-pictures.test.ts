/**
 * Pictures in quizzes over the real server: a teacher adds pictures to a quiz (resized, stripped of
 * metadata, stored in the database), the quiz text shows them by name, a game over real sockets sends
 * phones the picture's address and that address serves the picture; a copy keeps the pictures, and
 * deleting a quiz frees its pictures except those a played game showed. On PGlite and PostgreSQL.
 */
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../server/db";
import { ClientEvent } from "../../src/protocol";
import { startTestQuizServer, signUpTeacher, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

/** A 2000 × 1000 JPEG carrying EXIF (a copyright line and GPS-like text). */
async function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#3366aa" } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "Secret Place 51.5N 0.1W", Artist: "A Teacher" } })
    .toBuffer();
}

async function smallPng(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();
}

const QUIZ = `---
title: Animals
shuffleAnswers: false
shuffleQuestions: false
---

## Which animal is this?

![A blue square standing in for a cat](picture:photo.jpg)

- [x] ![A red tile](picture:red.png) Cat
- [ ] Dog
`;

describe.each(testDatabaseTargets())("quiz pictures on %s", (target) => {
  let quiz: TestQuizServer;
  const clients: Array<{ close(): void }> = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await quiz?.close();
  });

  async function addPicture(quizId: string, fileName: string, bytes: Buffer, cookie = quiz.teacher.cookie, type = "image/jpeg") {
    const response = await fetch(`${quiz.url}/api/pictures?quiz=${quizId}&name=${encodeURIComponent(fileName)}`, {
      method: "POST",
      headers: { cookie, "content-type": type },
      body: new Uint8Array(bytes),
    });
    return { status: response.status, body: (await response.json()) as { picture?: { name: string; hash: string; width: number; height: number }; error?: { refusal: string; message: string } } };
  }

  async function pictureRows() {
    return quiz.database.db.select({ hash: schema.pictures.hash }).from(schema.pictures);
  }

  it("adds pictures (resized, metadata stripped), shows them in a game over real sockets, and serves them", async () => {
    const saved = await quiz.api.quizzes.create.mutate({ source: QUIZ });
    const photo = await addPicture(saved.quizId, "Photo.JPG", await cameraPhoto());
    expect(photo.status).toBe(200);
    expect(photo.body.picture).toMatchObject({ name: "photo.jpg", width: 1280, height: 640 });
    const red = await addPicture(saved.quizId, "red.png", await smallPng("#cc2222"), quiz.teacher.cookie, "image/png");
    expect(red.body.picture).toMatchObject({ name: "red.png", width: 40, height: 30 });

    // The text is unchanged, but now shows the pictures: saving it makes a new version.
    const replaced = await quiz.api.quizzes.replace.mutate({ quizId: saved.quizId, source: QUIZ });
    expect(replaced).toMatchObject({ changed: true, version: 2 });
    const preview = await quiz.api.quizzes.get.query({ quizId: saved.quizId });
    expect(preview.pictures.map((picture) => picture.name)).toEqual(["photo.jpg", "red.png"]);

    const ticket = await quiz.api.games.create.mutate({ quizVersionId: replaced.versionId });
    const host = new TestHost(quiz.url);
    const player = new TestPlayer(quiz.url);
    clients.push(host, player);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    expect((await player.join(ticket.code, "Pat")).ok).toBe(true);
    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);
    const view = await player.nextRoomView((room) => room.phase === "answering" && room.question !== null, "answers open");
    const photoUrl = `/pictures/${photo.body.picture!.hash}.webp`;
    expect(view.question!.bodyHtml).toContain(`<img src="${photoUrl}" alt="A blue square standing in for a cat" width="1280" height="640" loading="lazy"`);
    expect(view.question!.options![0]!.html).toContain(`/pictures/${red.body.picture!.hash}.webp`);

    const served = await fetch(quiz.url + photoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toMatch(/immutable/);
    const bytes = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 1280, height: 640 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes("Secret Place")).toBe(false);
    expect((await fetch(`${quiz.url}/pictures/${"0".repeat(64)}.webp`)).status).toBe(404);
    // Every phone asks at once when the question opens: all get the same bytes; a phone that has it is told so.
    const together = await Promise.all(Array.from({ length: 20 }, () => fetch(quiz.url + photoUrl).then(async (response) => Buffer.from(await response.arrayBuffer()))));
    expect(together.every((copy) => copy.equals(bytes))).toBe(true);
    expect((await fetch(quiz.url + photoUrl, { headers: { "if-none-match": served.headers.get("etag")! } })).status).toBe(304);
  });

  it("refuses what isn't a picture, a file over 5 MB, and anyone but the quiz's owner, in plain words", async () => {
    const saved = await quiz.api.quizzes.create.mutate({ source: QUIZ });
    const text = await addPicture(saved.quizId, "notes.png", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), quiz.teacher.cookie, "image/png");
    expect(text).toMatchObject({ status: 415, body: { error: { refusal: "notAPicture", message: expect.stringMatching(/PNG, JPEG, WebP or GIF/) } } });
    const huge = await addPicture(saved.quizId, "huge.jpg", Buffer.concat([await cameraPhoto(), Buffer.alloc(5 * 1024 * 1024)]));
    expect(huge).toMatchObject({ status: 413, body: { error: { refusal: "tooBig", message: "This picture is too big: a picture can be at most 5 MB." } } });
    const other = await signUpTeacher(quiz.url);
    expect(await addPicture(saved.quizId, "photo.jpg", await cameraPhoto(), other.cookie)).toMatchObject({ status: 404, body: { error: { refusal: "notFound" } } });
    expect(await addPicture(saved.quizId, "photo.jpg", await cameraPhoto(), "")).toMatchObject({ status: 401, body: { error: { refusal: "signIn" } } });
    const shared = (await quiz.api.quizzes.list.query()).quizzes.find((entry) => !entry.editable)!;
    expect(await addPicture(shared.quizId, "photo.jpg", await cameraPhoto())).toMatchObject({ status: 403, body: { error: { refusal: "readOnly" } } });
    expect((await quiz.api.quizzes.get.query({ quizId: saved.quizId })).pictures).toEqual([]);
  });

  it("a copy keeps the pictures; deleting frees them, except those a played game showed", async () => {
    const played = await quiz.api.quizzes.create.mutate({ source: QUIZ });
    const shownInGame = (await addPicture(played.quizId, "photo.jpg", await smallPng("#118844"), quiz.teacher.cookie, "image/png")).body.picture!;
    const neverShown = (await addPicture(played.quizId, "unused.png", await smallPng("#884411"), quiz.teacher.cookie, "image/png")).body.picture!;
    const version = await quiz.api.quizzes.replace.mutate({ quizId: played.quizId, source: QUIZ });

    const copy = await quiz.api.quizzes.copy.mutate({ quizId: played.quizId });
    const copied = await quiz.api.quizzes.get.query({ quizId: copy.quizId });
    expect(copied.pictures.map((picture) => [picture.name, picture.hash])).toEqual([["photo.jpg", shownInGame.hash], ["unused.png", neverShown.hash]]);
    expect(copied.questions[0]!.bodyHtml).toContain(`/pictures/${shownInGame.hash}.webp`);

    // A game is played with the original; then the original and the copy are deleted.
    await quiz.api.games.create.mutate({ quizVersionId: version.versionId });
    await quiz.api.quizzes.delete.mutate({ quizId: copy.quizId });
    let hashes = (await pictureRows()).map((row) => row.hash);
    expect(hashes).toEqual(expect.arrayContaining([shownInGame.hash, neverShown.hash]));
    await quiz.api.quizzes.delete.mutate({ quizId: played.quizId });
    hashes = (await pictureRows()).map((row) => row.hash);
    expect(hashes).toContain(shownInGame.hash);
    expect(hashes).not.toContain(neverShown.hash);
    expect((await fetch(`${quiz.url}/pictures/${shownInGame.hash}.webp`)).status).toBe(200);
    expect(await quiz.database.db.select().from(schema.quizPictures).where(eq(schema.quizPictures.quizId, played.quizId))).toEqual([]);
  });
});
