/** A real quiz server (sockets + tRPC, no pages) on a random port, backed by a test database. */
import path from "node:path";
import { startQuizServer, type QuizServerOptions, type RunningQuizServer } from "../../server/app";
import { loadContentDirectory } from "../../server/content";
import { silentLogger } from "../../server/http/console-logger";
import { signUpTeacher, type ApiClient, type TestTeacher } from "./teachers";
import { openTestDatabase, type TestDatabase, type TestDatabaseTarget } from "./test-database";

export { apiClient, signUpTeacher } from "./teachers";

export const PROJECT_DIR = path.resolve(import.meta.dirname, "../..");
export const CONTENT_DIR = path.join(PROJECT_DIR, "content");

export interface TestQuizServer {
  database: TestDatabase;
  server: RunningQuizServer;
  url: string;
  /** Signed in as `teacher`, who hosts the test's games. */
  api: ApiClient;
  teacher: TestTeacher;
  /** Version id of a quiz loaded from content/, by slug. */
  quizVersionId(slug: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_AUTH_SECRET = "test-auth-secret-that-is-long-enough-0123456789";

/**
 * The test server's one teacher hosts every game of a suite, many left open (as one would configure
 * LIVE_GAMES_PER_TEACHER=100); the other limits are the product's defaults.
 */
const TEST_SERVER_LIMITS = { liveGamesPerTeacher: 100 };

/**
 * `options`: anything to set on the server beyond the test defaults (limits, TRUST_PROXY, a failing
 * persistence port…); a function gets the test database first.
 */
export async function startTestQuizServer(
  target: TestDatabaseTarget,
  contentDir = CONTENT_DIR,
  options: Partial<QuizServerOptions> | ((database: TestDatabase) => Partial<QuizServerOptions>) = {},
): Promise<TestQuizServer> {
  const database = await openTestDatabase(target);
  const content = await loadContentDirectory(database.db, contentDir);
  const serverOptions = typeof options === "function" ? options(database) : options;
  const server = await startQuizServer({
    db: database.db,
    port: 0,
    host: "127.0.0.1",
    contentProblems: content.problems,
    log: silentLogger,
    authSecret: TEST_AUTH_SECRET,
    authRateLimit: false,
    ...serverOptions,
    limits: { ...TEST_SERVER_LIMITS, ...serverOptions.limits },
  });
  const url = `http://127.0.0.1:${server.port}`;
  const teacher = await signUpTeacher(url);
  const api = teacher.api;
  return {
    database,
    server,
    url,
    api,
    teacher,
    async quizVersionId(slug) {
      const { quizzes } = await api.quizzes.list.query();
      const quiz = quizzes.find((entry) => entry.slug === slug);
      if (!quiz) throw new Error(`quiz ${slug} was not loaded`);
      return quiz.versionId;
    },
    async close() {
      await server.close();
      await database.close();
    },
  };
}
