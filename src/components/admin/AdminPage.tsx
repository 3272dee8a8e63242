"use client";

import { useTranslations } from "next-intl";
import { TeacherPage } from "@/components/account/TeacherPage";
import { AdminScreen } from "./AdminScreen";

export function AdminPage() {
  const t = useTranslations("teacherAdmin");
  return (
    <TeacherPage>
      {(teacher) =>
        teacher.isAdmin ? (
          <AdminScreen selfId={teacher.id} />
        ) : (
          <p data-testid="admin-only" className="rounded-xl bg-amber-50 p-4 font-medium text-amber-900">
            {t("adminOnly")}
          </p>
        )
      }
    </TeacherPage>
  );
}
