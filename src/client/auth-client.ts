import { createAuthClient } from "better-auth/react";

/** better-auth's browser client: sign up, sign in and sign out through /api/auth on this server. */
export const authClient = createAuthClient();
