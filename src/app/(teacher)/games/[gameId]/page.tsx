"use client";

import { useParams } from "next/navigation";
import { TeacherPage } from "@/components/account/TeacherPage";
import { ReportView } from "@/components/reports/ReportView";

export default function GameReportPage() {
  const { gameId } = useParams<{ gameId: string }>();
  return <TeacherPage wide>{() => <ReportView key={gameId} gameId={gameId} />}</TeacherPage>;
}
