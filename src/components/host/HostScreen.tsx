"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useEffect, type CSSProperties, type ReactNode } from "react";
import { useTRPC } from "@/client/trpc";
import { useHostGame, type HostGame } from "@/client/use-host-game";
import type { HostView } from "@/protocol";
import { Confetti } from "./Confetti";
import { CountdownBuildUp } from "./CountdownBuildUp";
import { HostAnswering } from "./HostAnswering";
import { HostControls, nextActionFor } from "./HostControls";
import { HostFinished } from "./HostFinished";
import { HostLeaderboard } from "./HostLeaderboard";
import { HostLobby } from "./HostLobby";
import { HostOnlineStatus } from "./HostOnlineStatus";
import { HostOtherDevice } from "./HostOtherDevice";
import { HostPausedOverlay } from "./HostPausedOverlay";
import { HostPodium } from "./HostPodium";
import { HostQuestionRead } from "./HostQuestionRead";
import { HostTeamLeaderboard, HostTeamPodium } from "./HostTeams";
import { HostReveal } from "./HostReveal";
import { useHostRefusalText } from "./host-refusal-text";
import { LanguageSwitcher } from "@/components/shared/LanguageSwitcher";
import { SoundController } from "./SoundController";

export function HostScreen({ gameId }: { gameId: string }) {
  const t = useTranslations("host.screen");
  const refusalText = useHostRefusalText();
  const game = useHostGame(gameId);
  const trpc = useTRPC();
  const joinInfo = useQuery({ ...trpc.server.joinInfo.queryOptions(), staleTime: Infinity });
  useNextKey(game);

  if (game.attach.kind === "no-secret") {
    return (
      <HostMessage testId="host-no-secret" title={t("noSecretTitle")}>
        {t("noSecretBody")}
      </HostMessage>
    );
  }
  const over = game.view?.phase === "podium" || game.view?.phase === "finished";
  // A finished game closes a while after the podium: its last screen stays up.
  if (game.attach.kind === "gone" && !over) {
    return (
      <HostMessage testId="host-game-gone" title={t("goneTitle")}>
        {t("goneBody")}
        {game.view && (
          <>
            {" "}
            <Link href={`/results/${game.view.gameId}`} className="underline">
              {t("seeResults")}
            </Link>
            .
          </>
        )}
      </HostMessage>
    );
  }
  if (game.attach.kind === "refused") {
    return (
      <HostMessage testId="host-refused" title={t("refusedTitle")}>
        {refusalText(game.attach)}
      </HostMessage>
    );
  }
  if (!game.view) {
    return (
      <div data-testid="host-connecting" className="flex h-dvh items-center justify-center bg-stage text-[4vh] font-semibold text-white">
        {t("connecting")}
      </div>
    );
  }

  const view = game.view;
  const question = view.question;
  // The server knows the LAN address phones need; if it can't say, this page's own address is the best guess.
  const joinUrl = joinInfo.data?.joinUrl ?? (joinInfo.isError ? `${window.location.origin}/join` : null);
  // Another device reaches this server at the address the phones use, not at "localhost".
  const origin = joinUrl ? new URL(joinUrl).origin : window.location.origin;
  return (
    <div
      data-testid="host-screen"
      data-phase={view.phase}
      className="flex h-dvh flex-col overflow-hidden bg-stage text-white"
      style={themeStyle(view.theme)}
    >
      <header className="flex items-center justify-between gap-[3vh] bg-stage-deep px-[4vh] py-[1.5vh]" style={themeStyle(view.theme, "band")}>
        <h1 dir="auto" className="min-w-0 truncate text-[3vh] font-bold">
          {view.quizTitle}
        </h1>
        <div className="flex shrink-0 items-center gap-[3vh]">
          {question && view.phase !== "leaderboard" && (
            <span data-testid="host-progress" className="text-[3vh] font-semibold text-indigo-200">
              {t("progress", { number: question.index + 1, total: question.total })}
            </span>
          )}
          {view.phase !== "lobby" && view.phase !== "finished" && (
            <HostOnlineStatus view={view} busy={game.pending !== null} onAllowTakeover={game.allowTakeover} />
          )}
          {view.phase === "lobby" && <LanguageSwitcher className="text-[2.4vh]" />}
          <SoundController view={view} deadline={game.deadline} answered={game.answered} />
          {view.phase !== "finished" && game.hostSecret && <HostOtherDevice gameId={view.gameId} hostSecret={game.hostSecret} origin={origin} />}
          {!over && (
            <button
              type="button"
              data-testid="host-end"
              disabled={game.pending !== null}
              onClick={() => {
                if (window.confirm(t("endConfirm"))) game.end();
              }}
              className="rounded-[1vh] border-[0.3vh] border-red-300 px-[2vh] py-[0.8vh] text-[2.4vh] font-bold text-red-100 hover:bg-red-900/50 disabled:opacity-50"
            >
              {t("endGame")}
            </button>
          )}
        </div>
      </header>

      {!game.connected && (
        <p role="status" data-testid="connection-banner" className="bg-amber-400 py-[0.8vh] text-center text-[2.6vh] font-bold text-amber-950">
          {t("reconnecting")}
        </p>
      )}

      <main className="relative min-h-0 flex-1 px-[5vh] py-[3vh]">
        <PhaseScreen game={game} view={view} joinUrl={joinUrl} />
        <CountdownBuildUp phase={view.phase} deadline={game.deadline} paused={view.paused} />
        {view.phase === "podium" && <Confetti />}
        {view.paused && <HostPausedOverlay deadline={game.deadline} />}
      </main>

      <HostControls game={game} view={view} style={themeStyle(view.theme, "band")} />
    </div>
  );
}

/**
 * The quiz's colours: the stage and its bars take the quiz's backgrounds, and every light text
 * colour the screen uses on them (white, the indigo tints, amber notices) takes the readable text
 * colour the server chose for that background (contrast ≥ 4.5:1). Text on white tiles and buttons keeps its own colours.
 */
function themeStyle(theme: HostView["theme"], part: "main" | "band" = "main"): CSSProperties | undefined {
  if (!theme) return undefined;
  const text = part === "band" ? theme.bandText : theme.text;
  const accent = part === "band" ? theme.bandAccent : theme.accent;
  return {
    "--color-stage": theme.background,
    "--color-stage-deep": theme.band,
    "--color-indigo-50": text,
    "--color-indigo-100": text,
    "--color-indigo-200": text,
    "--color-indigo-300": text,
    "--color-amber-200": accent,
    "--color-amber-300": accent,
    // "End game" is light red on the default dark bar; on a themed bar it takes the bar's text colour.
    "--color-red-100": text,
    color: text,
  } as CSSProperties;
}

function PhaseScreen({ game, view, joinUrl }: { game: HostGame; view: HostView; joinUrl: string | null }) {
  switch (view.phase) {
    case "lobby":
      return (
        <HostLobby view={view} joinUrl={joinUrl} busy={game.pending !== null} onRemovePlayer={game.removePlayer} onReadmitPlayer={game.readmitPlayer} onAllowTakeover={game.allowTakeover} />
      );
    case "question-read":
      return <HostQuestionRead view={view} deadline={game.deadline} />;
    case "answering":
      return <HostAnswering view={view} deadline={game.deadline} answered={game.answered} eligible={game.eligible} />;
    case "reveal":
      return <HostReveal view={view} />;
    case "leaderboard":
      return view.teams ? <HostTeamLeaderboard view={view} /> : <HostLeaderboard view={view} />;
    case "podium":
      return view.teams ? <HostTeamPodium view={view} /> : <HostPodium view={view} />;
    case "finished":
      return <HostFinished view={view} />;
  }
}

/** Space or Enter moves on whenever Next is available, wherever the focus is (except in a text field). */
function useNextKey(game: HostGame) {
  const canGoNext = game.view !== null && nextActionFor(game.view.phase) !== null && game.pending === null;
  const { next } = game;
  useEffect(() => {
    if (!canGoNext) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== " " && event.key !== "Enter") return;
      if (event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      if (!event.repeat) next();
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, [canGoNext, next]);
}

function HostMessage({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const t = useTranslations("host.screen");
  return (
    <main data-testid={testId} className="flex h-dvh flex-col items-center justify-center gap-6 bg-stage px-8 text-center text-white">
      <h1 className="text-4xl font-black">{title}</h1>
      <p className="max-w-2xl text-2xl text-indigo-100">{children}</p>
      <Link href="/" className="rounded-xl bg-white px-6 py-3 text-xl font-bold text-indigo-950">
        {t("backToQuizzes")}
      </Link>
    </main>
  );
}
