import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Phones on the LAN reach the dev server by IP; allow them in development.
  allowedDevOrigins: ["*"],
  poweredByHeader: false,
};

// Each request's language (src/i18n/request.ts): no locale in the address, see docs/notes/w-i18n.md.
// The catalogs are compiled at build time, so pages ship a small formatter instead of an ICU parser
// (the phone's JavaScript budget, tests/e2e/phone-weight.spec.ts).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: { messages: { path: "./src/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
