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
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

export default withNextIntl(nextConfig);
