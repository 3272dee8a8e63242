"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { saveHostSecret } from "@/client/host-secret";
import { useTRPC, type RouterOutputs } from "@/client/trpc";

type QuizListItem = RouterOutputs["quizzes"]["list"]["quizzes"][number];

export function QuizList({ quizzes }: { quizzes: QuizListItem[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const createGame = useMutation(
    trpc.games.create.mutationOptions({
      onSuccess: ({ gameId, hostSecret }) => {
        saveHostSecret(gameId, hostSecret);
        router.push(`/host/${gameId}`);
      },
    }),
  );
  const creatingFor = createGame.isPending || createGame.isSuccess ? createGame.variables?.quizVersionId : undefined;

  if (quizzes.length === 0) {
    return (
      <p data-testid="no-quizzes" className="rounded-2xl bg-white p-6 text-slate-700 shadow-sm">
        No quizzes yet. Put a quizdown <code className="font-mono">.md</code> file in the <code className="font-mono">content/</code> folder and
        restart the server.
      </p>
    );
  }

  return (
    <section className="flex flex-col gap-3">
      {createGame.isError && (
        <p role="alert" data-testid="create-game-error" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
          {createGame.error.message}
        </p>
      )}
      <ul className="flex flex-col gap-3" data-testid="quiz-list">
        {quizzes.map((quiz) => (
          <li
            key={quiz.quizId}
            data-testid={`quiz-${quiz.slug}`}
            className={`flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 ${
              quiz.playable ? "" : "opacity-75"
            }`}
          >
            <div className="min-w-0">
              <h2 className="text-lg font-bold break-words">{quiz.title}</h2>
              <p className="text-sm text-slate-600">
                {quiz.questionCount} {quiz.questionCount === 1 ? "question" : "questions"}
              </p>
              {!quiz.playable && (
                <p data-testid="quiz-unplayable-reason" className="mt-1 text-sm font-medium text-amber-800">
                  Can&apos;t be played: {quiz.unplayableReason ?? "this quiz has a problem."}
                </p>
              )}
            </div>
            <button
              type="button"
              data-testid={`host-quiz-${quiz.slug}`}
              disabled={!quiz.playable || creatingFor !== undefined}
              onClick={() => createGame.mutate({ quizVersionId: quiz.versionId })}
              className="rounded-xl bg-indigo-700 px-6 py-3 text-lg font-bold text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:bg-slate-400"
            >
              {creatingFor === quiz.versionId ? "Starting…" : "Host"}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
