/** A short reminder of how a quiz file is written, folded away until asked for. */
export function QuizdownHelp() {
  return (
    <details className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <summary className="cursor-pointer font-semibold text-indigo-800">How is a quiz file written?</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <pre className="overflow-x-auto rounded-xl bg-slate-900 p-4 font-mono text-sm leading-6 text-slate-100">{EXAMPLE}</pre>
        <ul className="flex list-disc flex-col gap-2 pl-5 text-slate-700">
          <li>
            Settings go between the two <code className="font-mono">---</code> lines at the top (all optional): the title, seconds per question
            (<code className="font-mono">timeLimit</code>), seconds to read (<code className="font-mono">readTime</code>), shuffling.
          </li>
          <li>
            Each question starts with a <code className="font-mono">##</code> heading.
          </li>
          <li>
            Options are list items: <code className="font-mono">- [x]</code> for a right answer, <code className="font-mono">- [ ]</code> for a wrong one. Two or
            more right answers make a “pick all that apply” question.
          </li>
          <li>
            A <code className="font-mono">&gt;</code> line under an option explains it when the answer is revealed.
          </li>
        </ul>
      </div>
    </details>
  );
}

const EXAMPLE = `---
title: Planets
timeLimit: 20
shuffleAnswers: true
---

## Which planet is largest?

- [ ] Mars
- [x] Jupiter
    > Jupiter is more than twice as heavy as all
    > the other planets put together.
- [ ] Venus`;
