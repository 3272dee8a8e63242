/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Phones on the LAN reach the dev server by IP; allow them in development.
  allowedDevOrigins: ["*"],
  poweredByHeader: false,
};

export default nextConfig;
