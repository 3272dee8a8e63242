/**
 * A quiz reader worker that never finishes: stands in for a quiz file shaped to slip past every
 * limit and still take forever, so tests can check the time budget and that games play on meanwhile.
 */
export default function spinForever({ started }) {
  started.postMessage("started");
  started.close();
  for (;;) {
    // busy, like a parser stuck on a pathological file
  }
}
