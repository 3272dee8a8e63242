import type { Metadata } from "next";
import { HostScreen } from "@/components/host/HostScreen";

export const metadata: Metadata = { title: "Host · Classroom Quiz" };

export default async function HostPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  return <HostScreen gameId={gameId} />;
}
