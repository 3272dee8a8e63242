/** The words of the big screen's game-show touches (the sound button), kept together for the message catalogs. */
export const SHOW_TEXT = {
  /** The sound button's name; its pressed state says whether sound is on. */
  sound: "Sound",
  soundOnTitle: "Sound is on: press to mute",
  soundOffTitle: "Sound is off: press to turn it on",
} as const;
