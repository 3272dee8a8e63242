/**
 * Library tags over the real tRPC API, on PGlite and PostgreSQL: a teacher tags their own and the
 * shared quizzes (tidied, one per spelling whatever its case, at most 10 a quiz, refused in plain
 * words), filters the library by a tag with and without search words, and a copy keeps the tags.
 * Tags are each teacher's own: another teacher sees none of them and can't tag a quiz they can't see.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../server/db";
import { MAX_TAGS_PER_QUIZ } from "@/library/tags";
import { apiClient, signUpTeacher, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import type { ApiClient, TestTeacher } from "../support/teachers";
import { testDatabaseTargets } from "../support/test-database";
import { refusal } from "../support/trpc-refusal";

const FRACTIONS = `---
title: Fractions
---

## What is a half of a half?

- [x] A quarter
- [ ] A third
`;

const DECIMALS = `---
title: Decimals
---

## Which is bigger?

- [x] 0.5
- [ ] 0.05
`;

describe.each(testDatabaseTargets())("library tags on %s", (target) => {
  let quiz: TestQuizServer;
  let other: TestTeacher;
  let anonymous: ApiClient;
  let fractionsId: string;
  let decimalsId: string;
  let sharedId: string;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
    other = await signUpTeacher(quiz.url);
    anonymous = apiClient(quiz.url);
    fractionsId = (await quiz.api.quizzes.create.mutate({ source: FRACTIONS })).quizId;
    decimalsId = (await quiz.api.quizzes.create.mutate({ source: DECIMALS })).quizId;
    sharedId = (await quiz.api.quizzes.list.query()).quizzes.find((entry) => entry.slug === "back-office")!.quizId;
  });

  afterAll(async () => {
    await quiz?.close();
  });

  const tagsOf = async (api: ApiClient, quizId: string) => (await api.quizzes.list.query()).quizzes.find((entry) => entry.quizId === quizId)?.tags;
  const found = async (search: { text?: string; tag?: string }, api: ApiClient = quiz.api) => (await api.quizzes.search.query(search)).quizIds.sort();

  it("tags a quiz, tidying the tag, and keeps one tag per spelling whatever its case", async () => {
    expect(await quiz.api.quizzes.addTag.mutate({ quizId: fractionsId, tag: "  Year   7 " })).toEqual({ quizId: fractionsId, tag: "Year 7" });
    await quiz.api.quizzes.addTag.mutate({ quizId: fractionsId, tag: "year 7" });
    await quiz.api.quizzes.addTag.mutate({ quizId: fractionsId, tag: "maths" });
    await quiz.api.quizzes.addTag.mutate({ quizId: decimalsId, tag: "MATHS" });
    expect(await tagsOf(quiz.api, fractionsId)).toEqual(["maths", "Year 7"]);
    expect(await tagsOf(quiz.api, decimalsId)).toEqual(["MATHS"]);
    const rows = await quiz.database.db.select().from(schema.quizTags).where(eq(schema.quizTags.quizId, fractionsId));
    expect(rows.map((row) => [row.key, row.label]).sort()).toEqual([
      ["maths", "maths"],
      ["year 7", "Year 7"],
    ]);
  });

  it("tags a shared quiz for this teacher only", async () => {
    await quiz.api.quizzes.addTag.mutate({ quizId: sharedId, tag: "Business" });
    expect(await tagsOf(quiz.api, sharedId)).toEqual(["Business"]);
    expect(await tagsOf(other.api, sharedId)).toEqual([]);
    expect(await found({ tag: "business" }, other.api)).toEqual([]);
  });

  it("filters the library by a tag (any case), alone or with search words", async () => {
    expect(await found({ tag: "Maths" })).toEqual([decimalsId, fractionsId].sort());
    expect(await found({ tag: "YEAR 7" })).toEqual([fractionsId]);
    expect(await found({ tag: "maths", text: "half" })).toEqual([fractionsId]); // words from the quiz file
    expect(await found({ tag: "maths", text: "decimals" })).toEqual([decimalsId]); // the title
    expect(await found({ tag: "year 7", text: "decimals" })).toEqual([]);
    expect(await found({ tag: "history" })).toEqual([]);
    expect(await found({ text: "fractions" })).toEqual([fractionsId]); // search without a tag as before
  });

  it("takes a tag off, whatever its case", async () => {
    await quiz.api.quizzes.removeTag.mutate({ quizId: fractionsId, tag: "YEAR 7" });
    expect(await tagsOf(quiz.api, fractionsId)).toEqual(["maths"]);
    await quiz.api.quizzes.removeTag.mutate({ quizId: fractionsId, tag: "never there" });
    expect(await tagsOf(quiz.api, fractionsId)).toEqual(["maths"]);
    await quiz.api.quizzes.addTag.mutate({ quizId: fractionsId, tag: "Year 7" });
  });

  it("a copy keeps the teacher's tags; the original keeps its own", async () => {
    const copy = await quiz.api.quizzes.copy.mutate({ quizId: fractionsId });
    expect(await tagsOf(quiz.api, copy.quizId)).toEqual(["maths", "Year 7"]);
    const sharedCopy = await quiz.api.quizzes.copy.mutate({ quizId: sharedId });
    expect(await tagsOf(quiz.api, sharedCopy.quizId)).toEqual(["Business"]);
    await quiz.api.quizzes.removeTag.mutate({ quizId: copy.quizId, tag: "maths" });
    expect(await tagsOf(quiz.api, fractionsId)).toEqual(["maths", "Year 7"]);
    expect(await found({ tag: "year 7" })).toEqual([copy.quizId, fractionsId].sort());
    // A deleted quiz leaves the filter too.
    await quiz.api.quizzes.delete.mutate({ quizId: copy.quizId });
    expect(await found({ tag: "year 7" })).toEqual([fractionsId]);
  });

  it("refuses an empty or too long tag, an 11th tag and a search with nothing to look for, in plain words", async () => {
    expect(await refusal(quiz.api.quizzes.addTag.mutate({ quizId: decimalsId, tag: "   " }))).toEqual({ code: "BAD_REQUEST", message: "Type a tag." });
    expect(await refusal(quiz.api.quizzes.addTag.mutate({ quizId: decimalsId, tag: "x".repeat(31) }))).toEqual({
      code: "BAD_REQUEST",
      message: "A tag can be at most 30 characters.",
    });
    expect(await refusal(quiz.api.quizzes.addTag.mutate({ quizId: decimalsId, tag: "bad\u0007bell" }))).toMatchObject({ code: "BAD_REQUEST" });
    for (let i = (await tagsOf(quiz.api, decimalsId))!.length; i < MAX_TAGS_PER_QUIZ; i++) await quiz.api.quizzes.addTag.mutate({ quizId: decimalsId, tag: `tag ${i}` });
    expect(await tagsOf(quiz.api, decimalsId)).toHaveLength(MAX_TAGS_PER_QUIZ);
    expect(await refusal(quiz.api.quizzes.addTag.mutate({ quizId: decimalsId, tag: "one more" }))).toEqual({
      code: "BAD_REQUEST",
      message: "A quiz can have at most 10 tags. Remove one first.",
    });
    await quiz.api.quizzes.addTag.mutate({ quizId: decimalsId, tag: "Maths" }); // one it has: nothing to refuse
    expect(await refusal(quiz.api.quizzes.search.query({}))).toEqual({ code: "BAD_REQUEST", message: "Type something to search for." });
  });

  it("another teacher's quiz can't be tagged (it doesn't exist for them), nor by anyone signed out", async () => {
    expect(await refusal(other.api.quizzes.addTag.mutate({ quizId: fractionsId, tag: "mine" }))).toEqual({
      code: "NOT_FOUND",
      message: "That quiz doesn't exist (any more).",
    });
    expect(await refusal(other.api.quizzes.removeTag.mutate({ quizId: fractionsId, tag: "maths" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await tagsOf(quiz.api, fractionsId)).toEqual(["maths", "Year 7"]);
    expect((await refusal(anonymous.quizzes.addTag.mutate({ quizId: sharedId, tag: "x" }))).code).toBe("UNAUTHORIZED");
  });
});
