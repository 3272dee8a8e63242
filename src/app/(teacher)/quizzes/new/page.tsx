import { NewQuizScreen } from "@/components/library/NewQuizScreen";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("newQuiz");

export default function NewQuizPage() {
  return <NewQuizScreen />;
}
