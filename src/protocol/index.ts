export * from "./events";
export * from "./schemas";
export * from "./views";
export * from "./acks";
