export * from "./events";
export * from "./schemas";
export * from "./views";
export * from "./acks";
export { checkNickname, normaliseNickname, MAX_MARKS_PER_LETTER, type NicknameCheck } from "./nickname";
export * from "./answers";
export { checkJoinForm, type JoinFormCheck } from "./join-form";
export { checkNicknameForm } from "./nickname-form";
export * from "./homework";
