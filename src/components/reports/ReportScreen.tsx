"use client";

import { TeacherPage } from "@/components/account/TeacherPage";
import { ReportView } from "./ReportView";

export function ReportScreen({ gameId }: { gameId: string }) {
  return <TeacherPage wide>{() => <ReportView key={gameId} gameId={gameId} />}</TeacherPage>;
}
