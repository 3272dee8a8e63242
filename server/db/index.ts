export { openDatabase, DEFAULT_PGLITE_DIR, MIGRATIONS_FOLDER } from "./client";
export type { Database, DatabaseDriver, DatabaseHandle, OpenDatabaseOptions } from "./client";
export * as schema from "./schema";
export type { GameStatus, QuizSource } from "./schema";
export { saveQuizVersion, listQuizzes, loadQuizVersion, isUuid } from "./quizzes";
export type {
  SaveQuizVersionInput,
  SaveQuizVersionResult,
  QuizListItem,
  LoadedQuizVersion,
  StoredQuestion,
} from "./quizzes";
export { createGame, markGameStarted, markGamesStarted, finishGame, finishGames, getGameAuth, deleteGame, claimOwnerlessGames } from "./games";
export type { CreateGameInput, FinishGameInput, GameAuth, GameEnd } from "./games";
export { addPlayer, addPlayers, removePlayer, readmitPlayer, deletePlayer, setPlayerToken, setPlayerTeams, listPlayers } from "./players";
export { saveLiveGames, deleteLiveGames, listLiveGames } from "./live-games";
export type { LiveGameRow } from "./live-games";
export type { AddPlayerInput } from "./players";
export { answerRow, saveRound, saveRounds, saveAnswers, listRoundAnswers, inWriterOrder, ANSWER_CHUNK } from "./rounds";
export type { AnswerRow, RoundRow } from "./rounds";
export { listLibraryQuizzes, searchLibraryQuizzes, findQuiz, loadQuizSourceText, renameQuiz, markQuizDeleted } from "./quizzes";
export type { LibraryQuizItem, LibrarySearch, QuizRecord } from "./quizzes";
export { listTeacherTags, addQuizTag, removeQuizTag, copyQuizTags } from "./quiz-tags";
export type { AddTagResult } from "./quiz-tags";
export { listPastGames, listPastGameQuizzes, isGameOwnedBy } from "./past-games";
export type { PastGamesQuery, PastGamesPage, PastGameQuiz } from "./past-games";
export { loadReportSource } from "./report-data";
export { findReplayableGame, roundCorrectness } from "./replay";
export { addQuizPicture, forgetPictures, storePictures, listQuizPictures, loadPictureBytes, loadPhonePictureBytes, copyQuizPictures, removeQuizPicture, releaseDeletedQuizPictures } from "./pictures";
export type { StoredPictureInput } from "./pictures";
export { picturesOfQuiz } from "./quizzes";
