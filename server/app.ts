/**
 * One Node process serves the Next.js pages, the phone's own page (/join, server/phone/), the tRPC
 * API (/api/trpc) and Socket.IO (/socket.io) on one port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { fromNodeHeaders, toNodeHandler } from "better-auth/node";
import { Server as SocketServer } from "socket.io";
import { CLIENT_ADDRESS_HEADER, createAuth, teacherFromHeaders, type Auth } from "./auth/auth";
import type { Database } from "./db";
import { clientAddress, trustNoProxy, type TrustProxy } from "./http/client-address";
import { checkDatabase } from "./http/database-health";
import { lanAddress } from "./http/lan-address";
import { startPagesThread, type PagesThread } from "./http/pages-thread";
import { assignRequestId, requestIdOf } from "./http/request-id";
import { cameOverHttps, markCookiesSecure } from "./http/secure-cookies";
import { applySecurityHeaders } from "./http/security-headers";
import { phonePages, type PhonePages } from "./phone/phone-page";
import { sendServerError } from "./http/server-error";
import { createServerLogger, logForRequest } from "./logging/logger";
import { publishLogger } from "./logging/shared-logger";
import { AccountLimits, type AccountLimitSettings } from "./limits/account-limits";
import { sharedQuizReader, type QuizReader } from "./quizzes/reader-pool";
import { pictureServer, receivePicture } from "./pictures/http";
import { receiveQuizZip } from "./quizzes/zip-http";
import { sharedPictureProcessor, type PictureProcessor } from "./pictures/picture-pool";
import { databasePersistence } from "./rooms/db-persistence";
import { databaseGameStore } from "./rooms/database-store";
import { restoreLiveGames } from "./rooms/restore-games";
import { connectCluster, type ClusterOptions } from "./cluster/start-cluster";
import type { GamePersistence, LiveGameStore, Logger } from "./rooms/ports";
import { RoomRegistry } from "./rooms/registry";
import { SocketBroadcaster } from "./socket/broadcaster";
import { registerSocketHandlers } from "./socket/handlers";
import { releaseSentPackets } from "./socket/release-sent-packets";
import { registerHomeworkHandlers } from "./socket/homework-handlers";
import { SocketEvents, socketEventLimiter } from "./socket/validated-event";
import { HomeworkStudents } from "./homework/students";
import { createWrongCodeLimiter, memoryLimiters, type WrongCodeLimiter } from "./socket/wrong-code-limiter";
import { errorReference } from "./trpc/error-reference";
import type { ContentProblem } from "./trpc/init";
import { databaseUnavailable, failedForLackOfDatabase } from "./trpc/database-unavailable";
import { appRouter } from "./trpc/router";

export interface QuizServerOptions {
  db: Database;
  port: number;
  host?: string;
  /** Serve the Next.js pages from this project directory (omit for an API-and-sockets-only server in tests). */
  web?: { dir: string; dev: boolean };
  publicUrl?: string;
  contentProblems?: ContentProblem[];
  finishedGameTtlMs?: number;
  hostAwayMs?: number;
  /** How long a join whose acknowledgement never reached its phone waits to be asked for again (default 15 s). */
  unclaimedJoinMs?: number;
  /** Where live game state is kept; default: the database, so games survive a restart. */
  store?: LiveGameStore;
  /** How rooms save results; default: the database (benchmarks swap it to measure what durability costs). */
  persistence?: GamePersistence;
  log?: Logger;
  /** Key for teachers' session cookies (AUTH_SECRET, or the one kept in the data folder). */
  authSecret: string;
  /** better-auth's per-address limit on sign-in attempts (default on). */
  authRateLimit?: boolean;
  /** Which reverse proxies' X-Forwarded-For to believe for a client's address (TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
  /** Limits on wrong room codes per client address; default: createWrongCodeLimiter() in memory. */
  wrongCodes?: WrongCodeLimiter;
  /** Live games and quizzes per teacher, changes per minute per account and per address (defaults in account-limits.ts). */
  limits?: Partial<AccountLimitSettings>;
  /** How long an admin's invite link stays valid (default 7 days). */
  inviteValidMs?: number;
  /** Reads uploaded quiz files off the event loop; default: the process's shared worker pool. */
  quizReader?: QuizReader;
  /** Resizes and strips added pictures off the event loop; default: the process's shared worker pool. */
  pictureProcessor?: PictureProcessor;
  /** One node of several sharing the games through Redis (REDIS_URL); unset: this process alone. */
  cluster?: ClusterOptions;
}

export interface RunningQuizServer {
  port: number;
  /** http://localhost:PORT */
  localUrl: string;
  /** What phones use: PUBLIC_URL, else http://LAN-IP:PORT, else the local URL. */
  publicUrl: string;
  registry: RoomRegistry;
  io: SocketServer;
  auth: Auth;
  close(): Promise<void>;
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startQuizServer(options: QuizServerOptions): Promise<RunningQuizServer> {
  const log = options.log ?? createServerLogger();
  publishLogger(log);
  const trustProxy = options.trustProxy ?? trustNoProxy;
  const httpServer = createServer();
  const io = new SocketServer(httpServer, {
    // A quiz message is tiny; refuse anything large outright.
    maxHttpBufferSize: 16 * 1024,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
  releaseSentPackets(io);
  // First of all request listeners (Socket.IO's included): every response gets its id and security headers.
  httpServer.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    assignRequestId(req, res, trustProxy);
    applySecurityHeaders(req, res, { dev: options.web?.dev ?? false });
  });
  const store = options.store ?? databaseGameStore(options.db, Date.now, log);
  // In a cluster (REDIS_URL) a room acts only while its node holds the game's lease (server/cluster/).
  const clusterLink = options.cluster ? await connectCluster(options.cluster, { io, log }) : null;
  const ports = { persistence: options.persistence ?? databasePersistence(options.db, log), broadcaster: new SocketBroadcaster(io, clusterLink?.socketsElsewhere), store };
  const registry = new RoomRegistry(
    { ...(clusterLink ? clusterLink.fence(ports) : ports), log, hostAwayMs: options.hostAwayMs, unclaimedJoinMs: options.unclaimedJoinMs },
    options.finishedGameTtlMs ?? 10 * 60_000,
  );
  // In a cluster, saved games are resumed by whichever node takes their lease.
  const cluster = clusterLink ? await clusterLink.join({ registry, db: options.db, store }) : null;
  const rooms = cluster?.directory ?? registry;
  if (!cluster) {
    const resumed = await restoreLiveGames({ db: options.db, registry, store, log });
    if (resumed > 0) log.info(`Resumed ${resumed} game(s) that were running when the server stopped.`);
  }
  // Per-address and per-account counts live in Redis when several nodes share the school's traffic.
  const limiters = clusterLink?.limiters ?? memoryLimiters;
  const wrongCodes = options.wrongCodes ?? createWrongCodeLimiter(undefined, limiters);
  // One budget of events per socket, whichever handlers its events go to.
  const events = new SocketEvents(io, { limiter: socketEventLimiter(), log, trustProxy });
  registerSocketHandlers(io, events, rooms, log, { wrongCodes });
  // Self-paced homework: each student's requests go straight to the database (no room, no broadcast).
  registerHomeworkHandlers(events, new HomeworkStudents(options.db), { wrongCodes });

  let publicUrl = options.publicUrl ?? "";
  // Made once the port is known (it may be chosen by the OS); requests only arrive after that.
  let auth!: Auth;
  let authHandler!: RequestHandler;
  const limits = new AccountLimits(options.limits, limiters);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    // Room for the largest quiz file (200 KB) in JSON; anything bigger is cut off before it is read whole.
    maxBodySize: 1024 * 1024,
    createContext: async ({ req }) => ({
      db: options.db,
      registry: rooms,
      teacher: await teacherFromHeaders(auth, req.headers).catch(async (error: unknown) => {
        throw (await failedForLackOfDatabase(options.db, error)) ? databaseUnavailable() : error;
      }),
      clientAddress: clientAddress(req, trustProxy),
      contentProblems: () => options.contentProblems ?? [],
      publicUrl,
      limits,
      auth,
      headers: fromNodeHeaders(req.headers),
      inviteValidMs: options.inviteValidMs ?? 7 * 24 * 60 * 60_000,
      quizReader: options.quizReader ?? sharedQuizReader(),
    }),
    onError: ({ error, path, req }) => {
      if (error.code === "SERVICE_UNAVAILABLE") logForRequest(log, requestIdOf(req)).warn(`tRPC ${path ?? "?"}: the database is unreachable`);
      // The client only sees this reference (server/trpc/init.ts); the details stay in the log.
      if (error.code === "INTERNAL_SERVER_ERROR") logForRequest(log, requestIdOf(req)).error(`tRPC ${path ?? "?"} failed (reference ${errorReference(error)})`, error);
    },
  });

  let web: RequestHandler = (_req, res) => {
    res.statusCode = 404;
    res.end("Not found");
  };
  let phone: PhonePages | null = null;
  let pages: PagesThread | null = null;
  if (options.web?.dev) {
    // The dev server stays on this thread: its hot reload needs the upgrade requests.
    const { default: next } = await import("next");
    const app = next({ dev: true, dir: options.web.dir });
    await app.prepare();
    web = app.getRequestHandler();
    const upgrade = app.getUpgradeHandler();
    httpServer.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
    });
  } else if (options.web) {
    pages = await startPagesThread({ dir: options.web.dir, log });
    web = pages.handle;
  }
  if (options.web) phone = phonePages(options.web.dir, { dev: options.web.dev });

  const servePicture = pictureServer(options.db, undefined, () => options.pictureProcessor ?? sharedPictureProcessor());
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url.startsWith("/socket.io/")) return; // handled by Socket.IO's own listener
    if (url.startsWith("/api/trpc/")) return void trpc(req, res);
    if (url.startsWith("/api/auth/")) {
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trustProxy);
      if (cameOverHttps(req, trustProxy)) markCookiesSecure(res);
      return void Promise.resolve(authHandler(req, res)).catch((error: unknown) => {
        logForRequest(log, requestIdOf(req)).error(`auth ${url.split("?")[0]} failed`, error);
        sendServerError(req, res, requestIdOf(req));
      });
    }
    if (url.startsWith("/pictures/")) {
      return void servePicture(req, res).catch((error: unknown) => {
        logForRequest(log, requestIdOf(req)).error("picture failed", error);
        sendServerError(req, res, requestIdOf(req));
      });
    }
    if (url.startsWith("/api/pictures")) {
      const deps = {
        db: options.db,
        processor: options.pictureProcessor ?? sharedPictureProcessor(),
        teacher: (request: IncomingMessage) => teacherFromHeaders(auth, request.headers),
        countChange: (teacherId: string, request: IncomingMessage) => limits.countMutation(teacherId, clientAddress(request, trustProxy)),
      };
      return void receivePicture(deps, req, res).catch((error: unknown) => {
        logForRequest(log, requestIdOf(req)).error("adding a picture failed", error);
        sendServerError(req, res, requestIdOf(req));
      });
    }
    if (url.startsWith("/api/quiz-zip")) {
      const deps = {
        db: options.db,
        processor: options.pictureProcessor ?? sharedPictureProcessor(),
        reader: options.quizReader ?? sharedQuizReader(),
        teacher: (request: IncomingMessage) => teacherFromHeaders(auth, request.headers),
        countChange: (teacherId: string, request: IncomingMessage) => limits.countMutation(teacherId, clientAddress(request, trustProxy)),
        roomForQuiz: (teacherId: string) => limits.assertRoomForQuiz(options.db, teacherId),
      };
      return void receiveQuizZip(deps, req, res).catch((error: unknown) => {
        logForRequest(log, requestIdOf(req)).error("adding a quiz's .zip failed", error);
        sendServerError(req, res, requestIdOf(req));
      });
    }
    if (url === "/healthz") {
      res.setHeader("content-type", "application/json");
      return void checkDatabase(options.db).then((database) => {
        res.statusCode = database === "ok" ? 200 : 503;
        res.end(JSON.stringify({ ok: database === "ok", database, games: registry.rooms().length }));
      });
    }
    try {
      if (phone?.handle(req, res)) return;
    } catch (error) {
      logForRequest(log, requestIdOf(req)).error(`phone page ${url.split("?")[0]} failed`, error);
      return sendServerError(req, res, requestIdOf(req));
    }
    void Promise.resolve(web(req, res)).catch((error: unknown) => {
      logForRequest(log, requestIdOf(req)).error(`page ${url.split("?")[0]} failed`, error);
      sendServerError(req, res, requestIdOf(req));
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const localUrl = `http://localhost:${port}`;
  const lan = lanAddress();
  publicUrl = (options.publicUrl ?? (lan ? `http://${lan}:${port}` : localUrl)).replace(/\/$/, "");
  auth = createAuth({
    db: options.db,
    secret: options.authSecret,
    fallbackUrl: localUrl,
    rateLimit: options.authRateLimit,
    secureCookies: publicUrl.startsWith("https://"),
    log,
  });
  authHandler = toNodeHandler(auth);

  return {
    port,
    localUrl,
    publicUrl,
    registry,
    io,
    auth,
    async close() {
      await cluster?.stopServing();
      await registry.shutdown();
      io.close();
      await cluster?.leave();
      await new Promise<void>((resolve) => {
        httpServer.closeAllConnections?.();
        httpServer.close(() => resolve());
      });
      await pages?.close();
    },
  };
}
