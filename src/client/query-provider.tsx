"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { retryQuery, retryQueryDelay } from "./database-unreachable";
import { createBrowserTrpcClient, TRPCProvider } from "./trpc";
import "./zod-without-eval";

export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: retryQuery, retryDelay: retryQueryDelay, refetchOnWindowFocus: false } },
      }),
  );
  const [trpcClient] = useState(createBrowserTrpcClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
