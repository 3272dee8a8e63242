/**
 * The big screen words a refused host action in its own language: by the server's exact words where
 * one code stands for several refusals, else by code. The words it recognises must still be the
 * server's, or the screen would silently fall back to English.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/i18n/locales";
import type en from "@/i18n/messages/en.json";
import { HOST_REFUSALS_BY_MESSAGE, hostRefusalText } from "@/components/host/host-refusal-text";
import { refusalText } from "@/components/player/refusal-text";
import { NOT_CONNECTED } from "@/client/use-host-game";

const root = path.resolve(import.meta.dirname, "../../..");
const catalog = (locale: Locale): typeof en => JSON.parse(readFileSync(path.join(root, "src/i18n/messages", `${locale}.json`), "utf8")) as typeof en;
const serverSource = ["server/engine/rounds.ts", "server/engine/players.ts", "server/socket/handlers.ts", "server/socket/validated-event.ts"]
  .map((file) => readFileSync(path.join(root, file), "utf8"))
  .join("\n");

describe("the big screen's refusals", () => {
  const t = createTranslator({ locale: "es", messages: catalog("es"), namespace: "host.refusals" });

  it("recognises only words the server really says", () => {
    expect(Object.keys(HOST_REFUSALS_BY_MESSAGE).filter((message) => !serverSource.includes(`"${message}"`))).toEqual([]);
    expect(serverSource).toContain('refusal("no-players", "Wait for at least one player to join.")');
  });

  it("says Start-with-nobody, a wrong host screen and its own connection trouble in Spanish", () => {
    expect(hostRefusalText({ code: "no-players", message: "Wait for at least one player to join." }, "es", t)).toBe("Espera a que se una al menos un jugador.");
    expect(hostRefusalText({ code: "not-allowed", message: "This screen isn't the host of that game." }, "es", t)).toBe("Esta pantalla no presenta esa partida.");
    expect(hostRefusalText({ code: "not-connected", message: NOT_CONNECTED }, "es", t)).toBe(
      "Aún no hay conexión con el servidor del juego. Espera a que se reconecte y vuelve a intentarlo.",
    );
  });

  it("keeps a player's nickname as written inside a translated refusal", () => {
    expect(hostRefusalText({ code: "not-allowed", message: "Zoë 🦊 is still connected on their own device." }, "es", t)).toBe(
      "Zoë 🦊 sigue conectado en su propio dispositivo.",
    );
  });

  it("keeps the server's English for a refusal it has no words for, and on an English screen", () => {
    expect(hostRefusalText({ code: "not-allowed", message: "Some new refusal." }, "es", t)).toBe("Some new refusal.");
    expect(hostRefusalText({ code: "no-players", message: "Wait for at least one player to join." }, "en", t)).toBe("Wait for at least one player to join.");
  });
});

describe("the phone's refusal of a typed name when names are drawn", () => {
  it("is said in German, naming the button as the German phone shows it", () => {
    const messages = catalog("de");
    const t = createTranslator({ locale: "de", messages, namespace: "refusals" });
    const text = refusalText({ code: "nickname-not-generated", message: "In this game everyone plays under a drawn name." }, "de", t);
    expect(text).toContain(`„${messages.player.show.suggestName}“`);
    expect(text).toContain(`„${messages.player.join.submit}“`);
  });
});
