import type { Metadata } from "next";
import { NewQuizScreen } from "@/components/library/NewQuizScreen";

export const metadata: Metadata = { title: "Add a quiz · Classroom Quiz" };

export default function NewQuizPage() {
  return <NewQuizScreen />;
}
