/** Socket.IO event names, shared by the server and every client. */

export const ClientEvent = {
  /** Phone: join a game by room code and nickname. */
  join: "player:join",
  /** Phone: lock in an answer for the open question. */
  answer: "player:answer",
  /** Host screen: take control of a game with its host secret. */
  hostAttach: "host:attach",
  hostStart: "host:start",
  hostNext: "host:next",
  hostSkip: "host:skip",
  hostEnd: "host:end",
  hostRemovePlayer: "host:remove-player",
} as const;

export const ServerEvent = {
  /** To every player in the room, once per phase. */
  room: "game:room",
  /** To one player: their own score, streak, rank and last result. */
  personal: "player:personal",
  /** To one player: the host removed them. */
  removed: "player:removed",
  /** To the host: the full host view (phase changes, lobby changes). */
  hostState: "host:state",
  /** To the host: live answer count, throttled. */
  hostAnswers: "host:answers",
} as const;

export type ClientEventName = (typeof ClientEvent)[keyof typeof ClientEvent];
export type ServerEventName = (typeof ServerEvent)[keyof typeof ServerEvent];
