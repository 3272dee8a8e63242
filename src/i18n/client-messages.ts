import type { AbstractIntlMessages } from "next-intl";

/** Only the namespaces a page's client components use, so a phone downloads just its own screens' words. */
export function pickNamespaces(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((namespace) => namespace in messages).map((namespace) => [namespace, messages[namespace]!]));
}

export const PHONE_NAMESPACES = ["language", "countdown", "player", "refusals", "optionNames", "teams"] as const;
/** The homework page on a phone: the player's words (its answer controls and results) and its own. */
export const HOMEWORK_NAMESPACES = [...PHONE_NAMESPACES, "homework"] as const;
/** The big screen; teacherRefusals for its tRPC calls (play again). */
export const HOST_NAMESPACES = ["language", "countdown", "host", "optionNames", "teacherRefusals", "teams"] as const;
/** The teacher's pages (library, quiz pages with the checker's problems, host options, reports, accounts, admin); the host screen has its own provider. */
export const TEACHER_NAMESPACES = ["language", "teacherCommon", "teacherAuth", "teacherLibrary", "teacherEditor", "teacherReports", "teacherAdmin", "teacherRefusals", "checker", "hostOptions", "optionNames", "teams", "teacherHomework"] as const;
/** The library's import and export controls (the new-quiz page and a quiz's page). */
export const LIBRARY_IMPORT_NAMESPACES = ["teacherImport"] as const;
