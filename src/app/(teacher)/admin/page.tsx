"use client";

import { TeacherPage } from "@/components/account/TeacherPage";
import { AdminScreen } from "@/components/admin/AdminScreen";

export default function AdminPage() {
  return (
    <TeacherPage>
      {(teacher) =>
        teacher.isAdmin ? (
          <AdminScreen selfId={teacher.id} />
        ) : (
          <p data-testid="admin-only" className="rounded-xl bg-amber-50 p-4 font-medium text-amber-900">
            Only your school&apos;s quiz admin can open this page.
          </p>
        )
      }
    </TeacherPage>
  );
}
