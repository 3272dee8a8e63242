import { HARD_QUESTION_PERCENT, ITEM_ANALYSIS_GROUP_SHARE } from "../../../server/reports/types";

/** Plain-words explanation of the item-analysis measures, with the group size of this game. */
export function MeasuresHelp({ groupSize, playerCount }: { groupSize: number; playerCount: number }) {
  const share = Math.round(ITEM_ANALYSIS_GROUP_SHARE * 100);
  return (
    <aside data-testid="report-measures-help" aria-labelledby="measures-help-title" className="rounded-2xl bg-sky-50 p-4 text-slate-800 ring-1 ring-sky-200 sm:p-6">
      <h3 id="measures-help-title" className="text-lg font-bold text-sky-950">
        How to read the item analysis
      </h3>
      <div className="mt-2 grid gap-4 text-sm leading-relaxed md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <p>
            <strong>Groups.</strong> Players are ranked by their total score. The <strong>top group</strong> is the best {share}% of them, the{" "}
            <strong>bottom group</strong> the lowest {share}%.{" "}
            {groupSize > 0 ? (
              <>
                In this game each group has <strong>{groupSize}</strong> {groupSize === 1 ? "player" : "players"} (of {playerCount}).
              </>
            ) : (
              <>This game had too few players to form the groups.</>
            )}
          </p>
          <p>
            <strong>Discrimination index (D)</strong> = share of the top group who got the question right − share of the bottom group who got it
            right. It tells whether the question separates students who know the topic from those who don&apos;t.
          </p>
          <ul className="list-disc pl-5">
            <li>
              <strong>0.40 or more</strong>: very good
            </li>
            <li>
              <strong>0.30 to 0.39</strong>: good
            </li>
            <li>
              <strong>0.20 to 0.29</strong>: fair — could be improved
            </li>
            <li>
              <strong>below 0.20</strong>: poor — the question hardly tells strong and weak students apart
            </li>
            <li>
              <strong>negative</strong>: the bottom group did better than the top group — check the answer key and the wording
            </li>
          </ul>
        </div>
        <div className="flex flex-col gap-2">
          <p>
            <strong>Wrong answers (distractors).</strong> Each wrong answer shows how many players of the top group and of the bottom group
            chose it:
          </p>
          <ul className="list-disc pl-5">
            <li>
              chosen more by the <strong>bottom</strong> group: it works as a distractor — it catches students who haven&apos;t mastered the
              topic yet;
            </li>
            <li>
              chosen more by the <strong>top</strong> group: <em>this distractor fooled the strongest students</em> — check that it isn&apos;t also
              right, or the question misleading;
            </li>
            <li>chosen by both groups alike: it doesn&apos;t tell them apart;</li>
            <li>chosen by nobody: it isn&apos;t drawing anyone — a more tempting wrong answer would tell you more.</li>
          </ul>
          <p>
            <strong>Hard questions</strong> are those fewer than {HARD_QUESTION_PERCENT}% of the players got right.
          </p>
          <p className="text-slate-600">With a small class the groups are only a few students, so read these numbers as hints, not verdicts.</p>
        </div>
      </div>
    </aside>
  );
}
