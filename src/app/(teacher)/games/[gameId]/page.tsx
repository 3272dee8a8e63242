import { ReportScreen } from "@/components/reports/ReportScreen";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("report");

export default async function GameReportPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  return <ReportScreen gameId={gameId} />;
}
