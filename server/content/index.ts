export { loadContentDirectory, formatProblem, titleFromSlug } from "./load";
export type { ContentLoadResult, ContentProblem, LoadedContentQuiz } from "./load";
