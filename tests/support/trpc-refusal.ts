import { TRPCClientError } from "@trpc/client";

/** The tRPC error code and message a refused call answers with; fails the test if the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
  }
  throw new Error("the call was expected to be refused, but it succeeded");
}
