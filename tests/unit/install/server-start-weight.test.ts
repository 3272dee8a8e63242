/**
 * The converters' parsers (exceljs, fast-xml-parser, csv-parse, jszip) are heavy: loaded by the server
 * itself they cost a first `npm start` about 60 MB and the 400 MB idle target. Only the conversion
 * worker may load them; this follows the server's static imports from its entry point and fails when
 * a path reaches them.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const HEAVY = ["exceljs", "fast-xml-parser", "csv-parse", "jszip", "csv-parse/sync"];
/** The phone page's build tools: `npm start` runs them in a process of their own when a build is needed. */
const BUILD_TOOLS = ["esbuild", "postcss", "@tailwindcss/postcss"];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g;

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, "src", specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.(ts|tsx|mjs|js)$/.test(candidate)) return candidate;
  }
  return null;
}

/** The packages the files reachable from `entry` import (type-only imports left out), with one path to each. */
function packagesReachedFrom(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const [, specifier] of source.matchAll(IMPORT)) {
      if (!specifier) continue;
      if (specifier.startsWith(".") || specifier.startsWith("@/")) {
        const next = resolveLocal(file, specifier);
        if (next) walk(next, [...trail, path.relative(ROOT, next)]);
      } else if (!reached.has(specifier)) {
        reached.set(specifier, trail);
      }
    }
  };
  walk(entry, [path.relative(ROOT, entry)]);
  return reached;
}

describe("what the server loads when it starts", () => {
  it("does not load the import/export parsers (only the conversion worker does)", () => {
    const reached = packagesReachedFrom(path.join(ROOT, "server/cli/start.ts"));
    expect(reached.has("socket.io"), "the walk follows the server's imports").toBe(true);
    const heavy = HEAVY.filter((name) => reached.has(name)).map((name) => `${name} via ${reached.get(name)!.join(" → ")}`);
    expect(heavy).toEqual([]);
  });

  it("does not load the phone page's build tools (they run in a process of their own)", () => {
    const reached = packagesReachedFrom(path.join(ROOT, "server/cli/start.ts"));
    const tools = BUILD_TOOLS.filter((name) => reached.has(name)).map((name) => `${name} via ${reached.get(name)!.join(" → ")}`);
    expect(tools).toEqual([]);
  });
});
