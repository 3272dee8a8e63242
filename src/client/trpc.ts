import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
// Type-only: no server module may end up in a browser bundle.
import type { AppRouter } from "../../server/trpc/router";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** What each procedure returns, as it arrives over JSON (dates are ISO strings). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function createBrowserTrpcClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc" })] });
}
