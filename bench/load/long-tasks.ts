/**
 * `npx tsx bench/load/long-tasks.ts FILE.cpuprofile [ms]`: the stretches of a server CPU profile
 * with no idle sample for longer than `ms` (default 50) — the event-loop stalls — and what ran in
 * them (self time by function, and the outermost project/library frame).
 */
import { readFileSync } from "node:fs";

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

let stretch: number[] = [];
let stretchUs = 0;
const stretches: Array<{ us: number; ids: number[] }> = [];
profile.samples.forEach((id, i) => {
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
console.log(`${stretches.length} busy stretches > ${threshold / 1000} ms; longest: ${stretches.slice(0, 10).map((s) => (s.us / 1000).toFixed(0)).join(", ")} ms`);
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
  console.log(`\n${(s.us / 1000).toFixed(0)} ms stretch — self time:\n${top(fns)}\n  entered from:\n${top(roots)}`);
}
