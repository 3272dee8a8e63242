/** The words of the phone's game-show touches (name drawing, the sound button), kept together for the message catalogs. */
export const PLAYER_SHOW_TEXT = {
  suggestName: "Suggest a name",
  /** Shown when the game takes only drawn names: the nickname field can't be typed in. */
  drawnOnly: "This game uses drawn names. Press “Suggest a name” for another one.",
  /** The phone's sound button's name; its pressed state says whether sound is on. */
  sound: "Sound",
} as const;
