"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { isDatabaseUnreachable } from "@/client/database-unreachable";

/**
 * A plain notice while the school server can't reach its database: the page's requests keep
 * retrying by themselves (see the query client's retry), and the notice goes once one gets through.
 */
export function DatabaseUnreachable() {
  const t = useTranslations("teacherCommon");
  const queryClient = useQueryClient();
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    const cache = queryClient.getQueryCache();
    const check = () =>
      setUnreachable(
        cache.getAll().some((query) => isDatabaseUnreachable(query.state.fetchFailureReason) || (query.state.status === "error" && isDatabaseUnreachable(query.state.error))),
      );
    check();
    return cache.subscribe(check);
  }, [queryClient]);

  if (!unreachable) return null;
  return (
    <div role="alert" data-testid="database-unreachable" className="flex items-center gap-3 rounded-xl bg-amber-50 p-4 font-medium text-amber-900">
      <span className="size-4 animate-spin rounded-full border-2 border-amber-200 border-t-amber-700 motion-reduce:animate-none" aria-hidden />
      {t("databaseUnreachable")}
    </div>
  );
}
