import { LibraryScreen } from "@/components/dashboard/LibraryScreen";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("library");

export default function HomePage() {
  return <LibraryScreen />;
}
