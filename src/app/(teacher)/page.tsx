"use client";

import { TeacherPage } from "@/components/account/TeacherPage";
import { HostDashboard } from "@/components/dashboard/HostDashboard";

export default function HomePage() {
  return <TeacherPage>{() => <HostDashboard />}</TeacherPage>;
}
