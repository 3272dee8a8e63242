"use client";

import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/client/trpc";
import { formatScore } from "@/components/shared/format";
import { ConfirmDelete } from "./ConfirmDelete";
import { StatusBadge } from "./StatusBadge";
import { useReportFormat } from "./format";
import type { PastGame } from "./types";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

const cell = "px-3 py-2 sm:px-4";

/** One saved game: date, quiz (the link to its report), players, average score, % correct, status, delete. */
export function PastGameRow({ game, onDeleted }: { game: PastGame; onDeleted: (message: string) => void }) {
  const t = useTranslations("teacherReports.pastGames");
  const refusalText = useTeacherRefusalText();
  const format = useReportFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const when = format.dateTime(game.createdAt);
  const remove = useMutation(
    trpc.pastGames.delete.mutationOptions({
      onSuccess: async () => {
        onDeleted(t("deleted", { title: game.quizTitle, when }));
        await queryClient.invalidateQueries(trpc.pastGames.pathFilter());
      },
    }),
  );
  const nameId = `past-game-${game.id}`;

  return (
    <tr data-testid="past-game-row" className="border-t border-slate-100 align-middle">
      <td className={`${cell} whitespace-nowrap text-slate-700`}>
        <time dateTime={game.createdAt}>{when}</time>
      </td>
      <td className={`${cell} font-semibold`}>
        <Link id={nameId} href={`/games/${game.id}`} className="break-words text-indigo-800 underline underline-offset-2 hover:text-indigo-600">
          <bdi>{game.quizTitle}</bdi>
          <span className="sr-only">{t("seeReport", { when })}</span>
        </Link>
      </td>
      <td className={`${cell} text-end tabular-nums`}>{game.playerCount}</td>
      <td className={`${cell} text-end tabular-nums`}>{game.playerCount > 0 ? formatScore(Math.round(game.averageScore)) : "—"}</td>
      <td className={`${cell} text-end tabular-nums`}>{game.playerCount > 0 ? `${game.percentCorrect}%` : "—"}</td>
      <td className={cell}>
        <StatusBadge label={game.statusLabel} />
      </td>
      <td className={`${cell} text-end`}>
        <ConfirmDelete
          label={t("delete")}
          size="sm"
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ gameId: game.id })}
          testId="past-game-delete"
          confirmTestId="past-game-delete-confirm"
          describedBy={nameId}
        />
        {remove.isError && (
          <p role="alert" className="mt-1 text-sm font-medium text-red-800">
            {t("deleteError", { message: refusalText(remove.error.message) })}
          </p>
        )}
      </td>
    </tr>
  );
}
