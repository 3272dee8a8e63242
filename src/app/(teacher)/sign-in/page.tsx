import { Suspense } from "react";
import { AuthForm } from "@/components/account/AuthForm";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = () => pageTitle("signIn");

export default function Page() {
  return (
    <Suspense>
      <AuthForm mode="sign-in" />
    </Suspense>
  );
}
