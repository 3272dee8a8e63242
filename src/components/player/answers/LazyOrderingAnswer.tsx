"use client";

import dynamic from "next/dynamic";

/**
 * The ordering answer brings dnd-kit, which only ordering questions need: it is fetched when such a
 * question is read out (PlayerQuestionRead warms it) or shown, never with the /join page itself.
 */
export function loadOrderingAnswer() {
  return import("./OrderingAnswer").then((module) => module.OrderingAnswer);
}

export const LazyOrderingAnswer = dynamic(loadOrderingAnswer, {
  ssr: false,
  loading: () => (
    <p role="status" data-testid="ordering-loading" className="px-1 text-lg font-semibold text-indigo-100">
      Loading the items…
    </p>
  ),
});
