"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { saveHostSecret } from "@/client/host-secret";
import { useTRPC } from "@/client/trpc";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

/**
 * After the podium: a new game of the same quiz (or of the questions the class found hard) with
 * the same options; the phones follow on their own and this screen becomes the new game's host.
 */
export function PlayAgainButtons({ gameId, className }: { gameId: string; className: string }) {
  const t = useTranslations("host.controls");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const router = useRouter();
  const playAgain = useMutation(
    trpc.games.playAgain.mutationOptions({
      onSuccess: ({ gameId: nextGameId, hostSecret }) => {
        saveHostSecret(nextGameId, hostSecret);
        router.push(`/host/${nextGameId}`);
      },
    }),
  );
  const busy = playAgain.isPending || playAgain.isSuccess;
  return (
    <>
      {playAgain.error && (
        <p role="alert" data-testid="play-again-error" className="max-w-[40vw] text-[2.4vh] font-semibold text-amber-300">
          {refusalText(playAgain.error.message)}
        </p>
      )}
      <button type="button" data-testid="play-again-hard" disabled={busy} onClick={() => playAgain.mutate({ gameId, questions: "hard" })} className={className}>
        {t("playHardAgain")}
      </button>
      <button type="button" data-testid="play-again" disabled={busy} onClick={() => playAgain.mutate({ gameId, questions: "all" })} className={className}>
        {t("playAgain")}
      </button>
    </>
  );
}
