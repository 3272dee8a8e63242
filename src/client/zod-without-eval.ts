import { z } from "zod";

// Zod compiles fast parsers with `new Function` when it may. Our pages' Content-Security-Policy has no
// 'unsafe-eval' (server/http/security-headers.ts), and even zod's try-it-and-see probe is reported as a
// violation, so the browser copy never tries. The server keeps the fast parsers.
z.config({ jitless: true });
