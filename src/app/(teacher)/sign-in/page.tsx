import { Suspense } from "react";
import { AuthForm } from "@/components/account/AuthForm";

export default function Page() {
  return (
    <Suspense>
      <AuthForm mode="sign-in" />
    </Suspense>
  );
}
