/**
 * Each answer option has a colour AND a shape (and its text), so nothing depends on colour alone.
 * Text colours meet WCAG AA contrast against their background.
 */
export type OptionShapeName = "triangle" | "diamond" | "circle" | "square" | "star" | "hexagon" | "heart" | "cross";

export interface OptionStyle {
  colourName: string;
  shape: OptionShapeName;
  background: string;
  text: string;
}

export const OPTION_STYLES: readonly OptionStyle[] = [
  { colourName: "Red", shape: "triangle", background: "#c81e1e", text: "#ffffff" },
  { colourName: "Blue", shape: "diamond", background: "#1d4ed8", text: "#ffffff" },
  { colourName: "Yellow", shape: "circle", background: "#facc15", text: "#1c1917" },
  { colourName: "Green", shape: "square", background: "#15803d", text: "#ffffff" },
  { colourName: "Purple", shape: "star", background: "#7e22ce", text: "#ffffff" },
  { colourName: "Orange", shape: "hexagon", background: "#c2410c", text: "#ffffff" },
  { colourName: "Teal", shape: "heart", background: "#0f766e", text: "#ffffff" },
  { colourName: "Pink", shape: "cross", background: "#be185d", text: "#ffffff" },
];

export function optionStyle(displayIndex: number): OptionStyle {
  return OPTION_STYLES[displayIndex % OPTION_STYLES.length]!;
}

export function optionLabel(displayIndex: number): string {
  const style = optionStyle(displayIndex);
  return `${style.colourName} ${style.shape}`;
}
