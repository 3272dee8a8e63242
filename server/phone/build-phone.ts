/**
 * Builds the phone's page (/join) into .next/phone: the player components bundled with Preact in
 * place of React (and use-intl in place of next-intl) by esbuild, and the site's stylesheet by
 * Tailwind. A phone then downloads ~50 kB of JavaScript instead of Next.js and React's ~130 kB
 * before any of its own code (issue 10; the numbers are in `npm run bench -- --bundle-only`).
 *
 * `npm start` runs this file as a process of its own (server/cli/build-if-needed.ts), so the server
 * never loads the build tools; `npm run dev` calls buildPhone with `watch`.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, context, stop, type BuildOptions, type Metafile, type Plugin } from "esbuild";
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";
import { PHONE_DIR, PHONE_MANIFEST, type PhoneManifest } from "./phone-manifest";

/** Packages that are the teacher's or Next.js's: the phone's bundle must never carry them. */
const FORBIDDEN_ON_THE_PHONE = /node_modules\/(next|react|react-dom|@trpc|@tanstack|zod|better-auth|obscenity)\//;

const ENTRY = "src/phone/main.tsx";
const ORDERING_ANSWER = "src/components/player/answers/OrderingAnswer.tsx";

/** The files a module script loads before it runs: its static imports, and theirs. */
function staticClosure(metafile: Metafile, output: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === "import-statement" && !seen.has(imported.path)) {
        seen.add(imported.path);
        visit(imported.path);
      }
    }
  };
  visit(output);
  return [...seen];
}

type Scripts = Pick<PhoneManifest, "script" | "preload" | "files" | "orderingOnly">;

function scriptOptions(outDir: string, dev: boolean): BuildOptions & { metafile: true } {
  return {
    entryPoints: [ENTRY],
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    target: ["es2020", "safari14"],
    minify: !dev,
    sourcemap: dev ? "linked" : false,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    jsx: "automatic",
    jsxImportSource: "preact",
    alias: {
      react: "preact/compat",
      "react-dom": "preact/compat",
      "react-dom/client": "preact/compat/client",
      "react/jsx-runtime": "preact/jsx-runtime",
      "next-intl": "./src/phone/next/intl.tsx",
      "next/dynamic": "./src/phone/next/dynamic.tsx",
      "next/navigation": "./src/phone/next/navigation.ts",
    },
    define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
    metafile: true,
    logLevel: "warning",
  };
}

/** What the build wrote, read from esbuild's metafile (its paths are relative to the project). */
function scriptsOf(metafile: Metafile, outDir: string): Scripts {
  const carried = Object.keys(metafile.inputs).filter((input) => FORBIDDEN_ON_THE_PHONE.test(input));
  if (carried.length > 0) throw new Error(`The phone's bundle would carry ${carried.slice(0, 5).join(", ")}: import it from the teacher's pages only.`);

  const relative = (file: string) => path.relative(outDir, file).split(path.sep).join("/");
  const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith(".js"));
  const entry = outputs.find((file) => metafile.outputs[file]!.entryPoint === ENTRY)!;
  const ordering = outputs.find((file) => ORDERING_ANSWER in metafile.outputs[file]!.inputs);
  // Files only the ordering answer needs: its own chunk and what nothing else imports (dnd-kit).
  const needed = new Set(outputs.filter((file) => file !== ordering).flatMap((file) => [file, ...staticClosure(metafile, file)]));
  const orderingOnly = ordering ? [ordering, ...staticClosure(metafile, ordering).filter((file) => !needed.has(file))] : [];
  return {
    script: relative(entry),
    preload: staticClosure(metafile, entry).map(relative),
    files: Object.keys(metafile.outputs).map(relative),
    orderingOnly: orderingOnly.map(relative),
  };
}

/** The stylesheet, with KaTeX's fonts served beside it. */
async function buildStylesheet(projectDir: string, outDir: string): Promise<{ stylesheet: string; fonts: string[] }> {
  const from = path.join(projectDir, "src/phone/phone.css");
  const result = await postcss([tailwind({ base: projectDir, optimize: true })]).process(readFileSync(from, "utf8"), { from });
  const css = result.css.replace(/url\((["']?)[^)"']*?(KaTeX_[\w-]+\.(?:woff2|woff|ttf))\1\)/g, "url(fonts/$2)");
  const fontsDir = path.join(projectDir, "node_modules/katex/dist/fonts");
  cpSync(fontsDir, path.join(outDir, "fonts"), { recursive: true });
  const stylesheet = `phone-${createHash("sha256").update(css).digest("hex").slice(0, 8).toUpperCase()}.css`;
  writeFileSync(path.join(outDir, stylesheet), css);
  const fonts = [...new Set([...css.matchAll(/url\(fonts\/(KaTeX_[\w-]+\.\w+)\)/g)].map((match) => `fonts/${match[1]}`))];
  return { stylesheet, fonts };
}

function writeManifest(outDir: string, scripts: Scripts, styles: { stylesheet: string; fonts: string[] }): PhoneManifest {
  const manifest: PhoneManifest = { ...scripts, stylesheet: styles.stylesheet, files: [...scripts.files, styles.stylesheet, ...styles.fonts] };
  writeFileSync(path.join(outDir, PHONE_MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

export interface PhoneBuildOptions {
  /** Unminified, with source maps, and (with `watch`) built again whenever a source changes. */
  dev?: boolean;
  watch?: boolean;
  /** Where the bundle goes; .next/phone by default (where the server looks). */
  outDir?: string;
}

export async function buildPhone(projectDir: string, { dev = false, watch = false, outDir = path.join(projectDir, PHONE_DIR) }: PhoneBuildOptions = {}): Promise<PhoneManifest> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const styles = await buildStylesheet(projectDir, outDir);
  const relativeOut = path.relative(projectDir, outDir);
  const options = { ...scriptOptions(relativeOut, dev), absWorkingDir: projectDir };
  if (!watch) {
    const manifest = writeManifest(outDir, scriptsOf((await build(options)).metafile, relativeOut), styles);
    // esbuild's service process is not needed again.
    await stop();
    return manifest;
  }

  // Watching (npm run dev): every rebuild rewrites the manifest; the first one is awaited.
  let settleFirst: ((outcome: PhoneManifest | Error) => void) | null = null;
  const first = new Promise<PhoneManifest>((resolve, reject) => {
    settleFirst = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
  });
  const rewriteManifest: Plugin = {
    name: "phone-manifest",
    setup(plugin) {
      plugin.onEnd((result) => {
        let outcome: PhoneManifest | Error;
        try {
          if (result.errors.length > 0 || !result.metafile) throw new Error("The phone's page did not build: see esbuild's errors above.");
          outcome = writeManifest(outDir, scriptsOf(result.metafile, relativeOut), styles);
        } catch (error) {
          outcome = error instanceof Error ? error : new Error(String(error));
          if (!settleFirst) console.error(outcome.message);
        }
        settleFirst?.(outcome);
        settleFirst = null;
      });
    },
  };
  const watcher = await context({ ...options, plugins: [rewriteManifest] });
  await watcher.watch();
  return first;
}

// `tsx server/phone/build-phone.ts [project dir]`: how build-if-needed.ts runs it.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildPhone(path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../..")));
}
