import { HomeworkProgressScreen } from "@/components/homework/HomeworkProgressScreen";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("homework");

export default async function HomeworkProgressPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  return <HomeworkProgressScreen gameId={gameId} />;
}
