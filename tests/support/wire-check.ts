/**
 * Checks the packets one phone received for anything that gives away a correct answer before its
 * reveal. Fed the raw decoded Socket.IO packets (events and acks), in the order they arrived.
 */

/** What one question (by play index) must keep from phones until its reveal, beyond its explanations. */
export interface QuestionSecrets {
  /** Texts that must not appear at all before the reveal: a type-answer question's accepted answers. */
  texts?: string[];
  /** An ordering question's items (option HTML) in the right order: the question must never be shown so. */
  orderHtml?: string[];
}

interface WalkContext {
  revealed: Set<number>;
  explanationsByQuestion: Map<number, string[]>;
  secrets: Map<number, QuestionSecrets>;
  problems: string[];
  packetIndex: number;
}

function walk(value: unknown, context: WalkContext, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, context, `${path}[${index}]`));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  const where = `packet #${context.packetIndex} at ${path}`;

  if ("commentHtml" in record) context.problems.push(`${where}: an option explanation (commentHtml) was sent to a phone`);

  if (Array.isArray(record.correct)) {
    // A reveal: legitimate only as the reveal of its own question.
    const questionIndex = record.questionIndex;
    if (typeof questionIndex !== "number" || !path.endsWith(".reveal")) {
      context.problems.push(`${where}: a list of correct options outside a reveal`);
    } else {
      context.revealed.add(questionIndex);
    }
  } else if (typeof record.correct === "boolean" && typeof record.questionIndex === "number" && !context.revealed.has(record.questionIndex)) {
    context.problems.push(`${where}: whether an answer to question ${record.questionIndex + 1} is correct, before its reveal`);
  }

  if (record.options !== undefined && Array.isArray(record.options) && path.endsWith(".question")) {
    for (const option of record.options as unknown[]) {
      const keys = option && typeof option === "object" ? Object.keys(option) : [];
      if (keys.length !== 1 || keys[0] !== "html") context.problems.push(`${where}: an option carries more than its text (${keys.join(", ")})`);
    }
    const orderHtml = typeof record.index === "number" ? context.secrets.get(record.index)?.orderHtml : undefined;
    const shown = (record.options as Array<{ html?: unknown }>).map((option) => option?.html);
    if (orderHtml && shown.length === orderHtml.length && shown.every((html, i) => html === orderHtml[i])) {
      context.problems.push(`${where}: ordering question ${(record.index as number) + 1} shown in its right order`);
    }
  }

  const inReveal = path.endsWith(".reveal");
  if ("accepted" in record && !inReveal) context.problems.push(`${where}: accepted answers outside a reveal`);
  if (record.slider && typeof record.slider === "object" && !inReveal) {
    const slider = record.slider as Record<string, unknown>;
    if ("correct" in slider || "tolerance" in slider) context.problems.push(`${where}: a slider's right value outside a reveal`);
  }
  if ("wrongAnswers" in record) context.problems.push(`${where}: other players' typed answers were sent to a phone`);

  for (const [key, child] of Object.entries(record)) walk(child, context, `${path}.${key}`);
}

/**
 * @param explanationsByQuestion explanation HTML of each question (by play index): it must not
 *   appear on the wire before that question is revealed.
 * @param secrets per question (by play index): accepted answers and the right order of items.
 * @returns plain-words problems; empty when nothing leaked.
 */
export function findAnswerLeaks(
  packets: unknown[],
  explanationsByQuestion: Map<number, string[]> = new Map(),
  secrets: Map<number, QuestionSecrets> = new Map(),
): string[] {
  const context: WalkContext = { revealed: new Set(), explanationsByQuestion, secrets, problems: [], packetIndex: 0 };
  packets.forEach((packet, index) => {
    context.packetIndex = index;
    const text = JSON.stringify(packet);
    for (const [questionIndex, explanations] of explanationsByQuestion) {
      if (context.revealed.has(questionIndex)) continue;
      // The packet that reveals this question may carry its explanations.
      const revealsIt = text.includes(`"questionIndex":${questionIndex},"correct":`);
      if (revealsIt) continue;
      for (const html of explanations) {
        if (html && text.includes(JSON.stringify(html).slice(1, -1))) {
          context.problems.push(`packet #${index}: the explanation of question ${questionIndex + 1} before its reveal`);
        }
      }
    }
    for (const [questionIndex, { texts = [] }] of secrets) {
      if (context.revealed.has(questionIndex) || text.includes(`"questionIndex":${questionIndex},"correct":`)) continue;
      for (const secret of texts) {
        if (secret && text.includes(JSON.stringify(secret).slice(1, -1))) {
          context.problems.push(`packet #${index}: an accepted answer of question ${questionIndex + 1} before its reveal`);
        }
      }
    }
    walk(packet, context, "packet");
  });
  return context.problems;
}
