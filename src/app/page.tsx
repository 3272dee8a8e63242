import { HostDashboard } from "@/components/dashboard/HostDashboard";

export default function HomePage() {
  return <HostDashboard />;
}
