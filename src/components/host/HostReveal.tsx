import { useTranslations } from "next-intl";
import type { HostView } from "@/protocol";
import { CheckIcon, CrossIcon } from "@/components/shared/icons";
import { OptionBadge } from "@/components/shared/OptionBadge";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";
import { HostOrderingReveal, HostSliderReveal, HostTypedReveal } from "./HostKindReveal";

/**
 * Correct option(s) in full colour with a ✓ and a white frame; the others on a dark tile with a ✗.
 * Each row carries a bar of how many picked it, with the number.
 */
const KINDS_WITH_OWN_REVEAL = new Set(["order", "typed", "slider"]);

export function HostReveal({ view }: { view: HostView }) {
  const t = useTranslations("host.reveal");
  const question = view.question;
  const reveal = view.reveal;
  if (!question || !reveal) return null;
  const options = question.options ?? [];
  const many = options.length > 4;
  const most = Math.max(1, ...reveal.counts);
  const poll = question.kind === "poll";
  const explanationFor = new Map(reveal.explanations.map((entry) => [entry.option, entry.html]));

  return (
    <section data-testid="phase-reveal" className="flex h-full min-h-0 flex-col gap-[2vh]">
      <RichText testId="host-prompt" html={question.promptHtml} className="line-clamp-2 text-center text-[max(40px,5.2vh)] leading-tight font-black" />
      <p data-testid="host-reveal-summary" className="text-center text-[2.8vh] font-semibold text-indigo-200">
        {t("summary", { answered: reveal.answered, eligible: reveal.eligible })}
      </p>
      {question.kind === "order" && <HostOrderingReveal question={question} reveal={reveal} />}
      {question.kind === "typed" && reveal.accepted && <HostTypedReveal view={view} reveal={reveal} />}
      {question.kind === "slider" && reveal.slider && <HostSliderReveal reveal={reveal} />}
      {!KINDS_WITH_OWN_REVEAL.has(question.kind) && (
        <ul
          data-testid="host-reveal-chart"
          className={`grid min-h-0 flex-1 content-center-safe overflow-y-auto ${many ? "grid-cols-2 gap-[1.2vh]" : "grid-cols-1 gap-[1.6vh] px-[6vw]"}`}
        >
          {options.map((option, index) => {
            const style = optionStyle(index);
            // A poll has no right answer: every option in its own colour, no ✓ or ✗.
            const correct = poll || reveal.correct.includes(index);
            const count = reveal.counts[index] ?? 0;
            const explanation = explanationFor.get(index);
            return (
              <li
                key={index}
                data-testid={`host-reveal-option-${index}`}
                data-correct={correct}
                className={`flex flex-col gap-[0.6vh] rounded-[1.5vh] px-[2vh] py-[1vh] ${
                  correct ? "ring-[0.6vh] ring-white" : "bg-slate-800 text-slate-200"
                }`}
                style={correct ? { background: style.background, color: style.text } : undefined}
              >
                <div className="flex items-center gap-[1.5vh]">
                  <OptionBadge index={index} className={many ? "size-[5vh]" : "size-[6vh]"} shapeClassName={many ? "size-[3.2vh]" : "size-[4vh]"} />
                  <span className={poll ? "hidden" : "shrink-0"}>
                    {correct ? <CheckIcon className="size-[4.5vh]" /> : <CrossIcon className="size-[3.5vh] opacity-70" />}
                    <span className="sr-only">{correct ? t("correctAnswer") : t("wrongAnswer")}</span>
                  </span>
                  <RichText
                    html={option.html}
                    className={`min-w-0 flex-1 leading-tight font-bold break-words ${many ? "line-clamp-2 text-[max(28px,3.6vh)]" : "text-[max(28px,3.8vh)]"}`}
                  />
                  <div className={`h-[3vh] shrink-0 overflow-hidden rounded-[0.8vh] ${many ? "w-[10vw]" : "w-[22vw]"} ${correct ? "bg-black/20" : "bg-white/10"}`} aria-hidden>
                    <div className="h-full rounded-[0.8vh]" style={{ width: `${(count / most) * 100}%`, background: correct ? style.text : style.background }} />
                  </div>
                  <span data-testid={`host-reveal-count-${index}`} className="w-[6vh] shrink-0 text-end text-[4vh] font-black tabular-nums">
                    {count}
                  </span>
                </div>
                {explanation && (
                  <RichText
                    testId={`host-explanation-${index}`}
                    html={explanation}
                    className={`leading-snug font-medium ${many ? "line-clamp-2 text-[max(24px,3.1vh)]" : "text-[max(24px,3.1vh)]"}`}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
