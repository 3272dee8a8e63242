import { QuizScreen } from "@/components/library/QuizScreen";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("quiz");

/** `?replace=1` (the library's Replace button) opens the page with the new-version editor. */
export default async function QuizPage({
  params,
  searchParams,
}: {
  params: Promise<{ quizId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ quizId }, query] = await Promise.all([params, searchParams]);
  return <QuizScreen quizId={quizId} startReplacing={query.replace !== undefined} />;
}
