export * from "./types";
export * from "./student";
export { studentView } from "./views";
