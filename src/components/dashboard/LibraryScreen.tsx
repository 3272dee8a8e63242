"use client";

import { TeacherPage } from "@/components/account/TeacherPage";
import { HostDashboard } from "./HostDashboard";

export function LibraryScreen() {
  return <TeacherPage>{() => <HostDashboard />}</TeacherPage>;
}
