import { PastGamesScreen } from "@/components/reports/PastGamesScreen";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("pastGames");

export default function PastGamesPage() {
  return <PastGamesScreen />;
}
