import { HARD_QUESTION_PERCENT, ITEM_ANALYSIS_GROUP_SHARE, STABLE_STATISTICS_PLAYERS } from "../../../server/reports/types";

/** Plain-words explanation of the item-analysis measures, with the group size of this game. */
export function MeasuresHelp({ groupSize, playerCount }: { groupSize: number; playerCount: number }) {
  const share = Math.round(ITEM_ANALYSIS_GROUP_SHARE * 100);
  return (
    <aside data-testid="report-measures-help" aria-labelledby="measures-help-title" className="rounded-2xl bg-sky-50 p-4 text-slate-800 ring-1 ring-sky-200 sm:p-6">
      <h3 id="measures-help-title" className="text-lg font-bold text-sky-950">
        How to read the item analysis
      </h3>
      <p className="mt-2 text-sm leading-relaxed">
        Every measure here is computed from <strong>correctness</strong> — 1 for a right answer, 0 for a wrong or missing one, or the partial
        credit a question gives — never from the points, which also reward speed. <strong>Polls</strong> have no right answer and are left
        out. A measure that can&apos;t be computed (too few players, or everybody answered alike) says <em>not enough data</em>.
      </p>
      <div className="mt-2 grid gap-4 text-sm leading-relaxed md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <p>
            <strong>Facility</strong> = the average correctness score of the players in the game for the question: for a right-or-wrong
            question, the share who got it right. Low means hard, high means easy.
          </p>
          <p>
            <strong>Groups.</strong> Players are ranked by their total correctness (questions they weren&apos;t there for count 0; ties keep the
            leaderboard order). The <strong>top group</strong> is the best {share}% of them, the{" "}
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
            <strong>Discrimination index (D)</strong> = average score of the top group on the question − average score of the bottom group (for a
            right-or-wrong question: the share of each group who got it right). It tells whether the question separates students who know the
            topic from those who don&apos;t. Groups of {share}% follow Kelley (1939); the bands below are Ebel &amp; Frisbie&apos;s (1991):
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
          <p>
            <strong>Item–rest correlation (r)</strong>: the correlation between the score on this question and the total on the{" "}
            <em>other</em> questions, over the players who played every question — Moodle&apos;s &ldquo;discrimination index&rdquo; (which shows it
            ×100). Unlike D it uses every player, not just the two groups. Read with the same bands as D: 0.40 or more very good, 0.30–0.39
            good, 0.20–0.29 fair, below 0.20 poor, negative: check the answer key.
          </p>
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
            Each wrong answer also has a <strong>point-biserial</strong>: the correlation between choosing it (yes/no) and the total on the other
            questions. A working distractor is <strong>negative</strong> (weaker students chose it); a positive one drew stronger students.
          </p>
          <p>
            <strong>Reliability</strong> of the whole quiz: how consistently its questions measure the same thing, from 0 (not at all) to 1.
            It is <strong>KR-20</strong> when every answer is right or wrong, <strong>Cronbach&apos;s alpha</strong> when some earn partial credit (the
            two agree on right/wrong answers). Reading, after George &amp; Mallery (2003): 0.9 or more excellent, 0.8–0.9 good, 0.7–0.8
            acceptable, 0.6–0.7 questionable, 0.5–0.6 poor, below 0.5 unacceptable. Short quizzes and quizzes mixing topics score lower.
          </p>
          <p>
            <strong>Hard questions</strong> are those fewer than {HARD_QUESTION_PERCENT}% of the players got right.
          </p>
          <p className="text-slate-600">
            With fewer than {STABLE_STATISTICS_PLAYERS} players the groups are only a few students and one answer moves every number: the report
            says so, and these numbers are hints, not verdicts.
          </p>
        </div>
      </div>
    </aside>
  );
}
