/**
 * The quiz file's colours (`primaryColor`, `secondaryColor`, `textColor`) as a theme for the big
 * screen, always readable: text keeps a contrast of at least 4.5:1 (WCAG AA) on every background it
 * is drawn on, or the colours are adjusted and the checker says so in plain words. Pure: runs in
 * Node (the checker, the game server) and in the browser (the preview).
 */
import type { ProblemText } from "./problems";
import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";
import namesPlugin from "colord/plugins/names";
import type { StageTheme } from "../protocol/views";
import type { QuizSettings } from "./types";

extend([a11yPlugin, namesPlugin]);

/** WCAG AA for normal text; the big screen's smaller lines (hints, counts) need it too. */
export const MIN_TEXT_CONTRAST = 4.5;
/** The big screen's own look, used for any colour the quiz does not set. */
export const DEFAULT_STAGE = { background: "#1e1b4b", band: "#13112e", text: "#ffffff" } as const;
/** Hints and notices on the big screen are amber while that stays readable. */
const ACCENT = "#fde68a";
const LIGHT_TEXT = "#ffffff";
const DARK_TEXT = "#000000";

export type { StageTheme };

/** A colour as written in the quiz file → "#rrggbb"; null when it is not an opaque CSS colour. */
export function readColor(value: string): string | null {
  const colour = colord(value.trim());
  if (!colour.isValid() || colour.alpha() < 1) return null;
  return colour.toHex();
}

export function contrast(a: string, b: string): number {
  return colord(a).contrast(b);
}

function readableOn(text: string, ...backgrounds: string[]): boolean {
  return backgrounds.every((background) => contrast(text, background) >= MIN_TEXT_CONTRAST);
}

/** White or black, whichever reads better on all the backgrounds. */
function bestPlainText(...backgrounds: string[]): string {
  const worst = (text: string) => Math.min(...backgrounds.map((background) => contrast(text, background)));
  return worst(LIGHT_TEXT) >= worst(DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

const ratio = (value: number) => `${(Math.floor(value * 10) / 10).toFixed(1)}:1`;

export interface ThemeResult {
  /** Null when the quiz sets no colour: the big screen keeps its own look. */
  theme: StageTheme | null;
  /** Plain-words notes on colours that were changed to stay readable, with the setting they are about. */
  notes: Array<{ setting: "primaryColor" | "secondaryColor" | "textColor" } & ProblemText>;
}

/**
 * The big screen's theme from the quiz settings (colours already read with readColor), as quizdown
 * means them: secondaryColor is the background, textColor the text on it, primaryColor the accent —
 * here the top and bottom bars, whose text is white or black, whichever reads better. A text colour
 * too faint on the background is replaced by white or black, with a note saying so.
 */
export function stageTheme(settings: Pick<QuizSettings, "primaryColor" | "secondaryColor" | "textColor">): ThemeResult {
  // Quizzes saved before colours were checked may hold any text: what isn't a colour is left out.
  const valid = (value: string | undefined) => (value === undefined ? undefined : (readColor(value) ?? undefined));
  const [primaryColor, secondaryColor, textColor] = [valid(settings.primaryColor), valid(settings.secondaryColor), valid(settings.textColor)];
  if (primaryColor === undefined && secondaryColor === undefined && textColor === undefined) return { theme: null, notes: [] };
  const notes: ThemeResult["notes"] = [];
  const background = secondaryColor ?? DEFAULT_STAGE.background;
  const band = primaryColor ?? DEFAULT_STAGE.band;
  let text = textColor ?? (secondaryColor === undefined ? DEFAULT_STAGE.text : bestPlainText(background));
  if (!readableOn(text, background)) {
    const plain = bestPlainText(background);
    notes.push({
      setting: "textColor",
      message: `textColor ${text} on the background (${secondaryColor === undefined ? "the default" : `secondaryColor ${background}`}) has a contrast of only ${ratio(contrast(text, background))} (at least 4.5:1 is needed to read it from the back of the room), so the big screen uses ${plain === LIGHT_TEXT ? "white" : "black"} text instead.`,
      code: "textColourContrast",
      params: {
        text,
        background: secondaryColor === undefined ? "" : background,
        ratio: ratio(contrast(text, background)),
        replacement: plain === LIGHT_TEXT ? "white" : "black",
      },
    });
    text = plain;
  }
  const bandText = readableOn(text, band) ? text : bestPlainText(band);
  return {
    theme: {
      background,
      text,
      accent: readableOn(ACCENT, background) ? ACCENT : text,
      band,
      bandText,
      bandAccent: readableOn(ACCENT, band) ? ACCENT : bandText,
    },
    notes,
  };
}
