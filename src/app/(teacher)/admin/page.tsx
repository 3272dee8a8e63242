import { AdminPage } from "@/components/admin/AdminPage";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("admin");

export default function Page() {
  return <AdminPage />;
}
