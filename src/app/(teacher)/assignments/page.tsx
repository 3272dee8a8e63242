import { HomeworkScreen } from "@/components/homework/HomeworkScreen";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("homework");

export default function HomeworkPage() {
  return <HomeworkScreen />;
}
