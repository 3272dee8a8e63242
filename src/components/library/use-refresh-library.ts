"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/client/trpc";

/** After a change, the list and every open quiz page load again. */
export function useRefreshLibrary(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.quizzes.pathKey() });
}
