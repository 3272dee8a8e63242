import type { Logger } from "../rooms/ports";

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(`warning: ${message}`),
  error: (message, error) => console.error(`error: ${message}`, error ?? ""),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
