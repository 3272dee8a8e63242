/**
 * `npx tsx bench/load/profile-summary.ts FILE.cpuprofile [FROM TO]`: where a server CPU profile
 * spent its busy time, by package/file and by function (self time), without opening DevTools;
 * with FROM and TO (seconds since the profile began; `long-tasks.ts` prints when the bench's
 * marks fell), only that stretch of the run.
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
const [fromUs, toUs] = [process.argv[3], process.argv[4]].map((seconds) => (seconds === undefined ? undefined : Number(seconds) * 1e6));
let sinceStartUs = 0;
profile.samples.forEach((id, i) => {
  sinceStartUs += profile.timeDeltas[i] ?? 0;
  if ((fromUs !== undefined && sinceStartUs < fromUs) || (toUs !== undefined && sinceStartUs > toUs)) return;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

function where(url: string): string {
  if (!url) return "(native/V8)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + 13).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith("node:")) return url;
  const project = url.indexOf("/server/") >= 0 ? url.slice(url.indexOf("/server/") + 1) : url.indexOf("/src/") >= 0 ? url.slice(url.indexOf("/src/") + 1) : url;
  return project;
}

const byPlace = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of self) {
  const node = byId.get(id)!;
  const name = node.callFrame.functionName || "(anonymous)";
  if (name === "(idle)") {
    idle += us;
    continue;
  }
  total += us;
  const place = name === "(garbage collector)" || name === "(program)" ? name : where(node.callFrame.url);
  byPlace.set(place, (byPlace.get(place) ?? 0) + us);
  const fn = `${name} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
const top = (map: Map<string, number>, n: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, us]) => `  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(7)} s  ${key}`);
console.log(`busy ${(total / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`);
console.log("by place (self time):");
console.log(top(byPlace, 15).join("\n"));
console.log("by function (self time):");
console.log(top(byFunction, 25).join("\n"));
