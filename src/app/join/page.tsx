import type { Metadata } from "next";
import { PlayerApp } from "@/components/player/PlayerApp";

export const metadata: Metadata = { title: "Join · Classroom Quiz" };

export default async function JoinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code, names } = await searchParams;
  const initialCode = typeof code === "string" ? code.replace(/\D/g, "").slice(0, 6) : "";
  // The QR code of a game that takes drawn names only says so: the form then offers no typing (the server decides).
  return <PlayerApp initialCode={initialCode} drawnNames={names === "drawn"} />;
}
