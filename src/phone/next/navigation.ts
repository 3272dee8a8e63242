/**
 * next/navigation for the phone's own bundle. Its one use is the language switcher's refresh, which
 * on the phone loads the chosen language's words in place (see src/phone/main.tsx): the phone keeps
 * its game, its socket and a half-typed nickname.
 */
import { refreshLanguage } from "../language";

export function useRouter() {
  return { refresh: refreshLanguage };
}
