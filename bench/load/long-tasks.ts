/**
 * `npx tsx bench/load/long-tasks.ts FILE.cpuprofile [ms] [how many]`: what ran in the event-loop
 * gaps of a profiled server (self time by function, and the outermost project/library frame). The
 * gaps are those the server's ticker recorded (`gaps.PID.json` beside the profile, over 40 ms);
 * without that file, the stretches with no idle sample for longer than `ms` (default 50) — which
 * also join up turns of the loop that were busy back to back.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const threshold = Number(process.argv[3] ?? 50) * 1000;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, Node>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
const short = (url: string) => url.replace(/^.*node_modules\//, "").replace(/^.*\/(server|src|bench)\//, "$1/");
const label = (node: Node) => `${node.callFrame.functionName || "(anonymous)"} ${short(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

/** The first frame under the event loop's own entry points that belongs to our code or a library. */
function root(node: Node): string {
  const chain: Node[] = [];
  for (let cur: Node | undefined = node; cur; cur = parent.get(cur.id)) chain.unshift(cur);
  const first = chain.find((n) => n.callFrame.url && !n.callFrame.url.startsWith("node:"));
  return first ? label(first) : label(chain[Math.min(2, chain.length - 1)]!);
}

const pid = /\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(process.argv[2]!)?.[1];
const gapsFile = path.join(path.dirname(process.argv[2]!), `gaps.${pid}.json`);
const recorded = pid && existsSync(gapsFile) ? (JSON.parse(readFileSync(gapsFile, "utf8")) as { gaps: Array<{ fromUs: number; toUs: number; cpuMs: number }>; marksUs: number[] }) : null;
const gaps = recorded?.gaps;

let stretch: number[] = [];
let stretchUs = 0;
const stretches: Array<{ us: number; ids: number[]; note?: string }> = [];
if (gaps) {
  const { startTime } = profile as unknown as { startTime: number };
  console.log(`the bench's marks (joining, then playing, between the first three) at ${recorded!.marksUs.map((us) => ((us - startTime) / 1e6).toFixed(1)).join(", ")} s`);
  let at = startTime;
  const times = profile.timeDeltas.map((delta) => (at += delta));
  for (const gap of gaps) {
    const ids = profile.samples.filter((_, i) => times[i]! >= gap.fromUs && times[i]! <= gap.toUs);
    const idle = ids.filter((id) => byId.get(id)!.callFrame.functionName === "(idle)").length;
    stretches.push({ us: gap.toUs - gap.fromUs, ids, note: `${gap.cpuMs.toFixed(0)} ms CPU, ${ids.length} samples, ${idle} idle, at ${((gap.fromUs - startTime) / 1e6).toFixed(1)} s` });
  }
} else profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  const idle = byId.get(id)!.callFrame.functionName === "(idle)";
  if (idle) {
    if (stretchUs > threshold) stretches.push({ us: stretchUs, ids: stretch });
    stretch = [];
    stretchUs = 0;
  } else {
    stretch.push(id);
    stretchUs += us;
  }
});
stretches.sort((a, b) => b.us - a.us);
console.log(`${stretches.length} ${gaps ? "event-loop gaps > 40" : `busy stretches > ${threshold / 1000}`} ms; longest: ${stretches.slice(0, 10).map((s) => (s.us / 1000).toFixed(0)).join(", ")} ms`);
for (const s of stretches.slice(0, Number(process.argv[4] ?? 4))) {
  const fns = new Map<string, number>();
  const roots = new Map<string, number>();
  for (const id of s.ids) {
    const node = byId.get(id)!;
    fns.set(label(node), (fns.get(label(node)) ?? 0) + 1);
    const r = root(node);
    roots.set(r, (roots.get(r) ?? 0) + 1);
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `    ${((n / s.ids.length) * 100).toFixed(0).padStart(3)} %  ${k}`).join("\n");
  console.log(`\n${(s.us / 1000).toFixed(0)} ms ${gaps ? `gap (${s.note})` : "stretch"} — self time:\n${top(fns)}\n  entered from:\n${top(roots)}`);
}
