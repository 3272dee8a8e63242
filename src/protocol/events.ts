/** Socket.IO event names, shared by the server and every client. */

export const ClientEvent = {
  /** Phone: join a game by room code and nickname. */
  join: "player:join",
  /** Phone: come back to a game after a refresh or a dropped connection, with the player token. */
  resume: "player:resume",
  /** Phone, after the podium: move to the game the host started next (its JoinAck, same nickname). */
  playAgain: "player:play-again",
  /** Phone, team mode with teams picked in the lobby: join (or move to) a team. */
  pickTeam: "player:pick-team",
  /** Phone: lock in an answer for the open question (retried with the same answerId until acked). */
  answer: "player:answer",
  /** Any client: read the server's clock, to count down from the server's deadlines. */
  timeSync: "time:sync",
  /** Host screen: take control of a game with its host secret. */
  hostAttach: "host:attach",
  hostStart: "host:start",
  hostNext: "host:next",
  hostSkip: "host:skip",
  hostEnd: "host:end",
  hostPause: "host:pause",
  hostResume: "host:resume",
  /** Host: lock or unlock the game for new players (late join is on by default). */
  hostLock: "host:lock",
  hostRemovePlayer: "host:remove-player",
  /** Host: undo a removal; the player's next join (same nickname) takes their old place back. */
  hostReadmitPlayer: "host:readmit-player",
  /** Host: let a new device take over a disconnected player who asked to come back. */
  hostAllowTakeover: "host:allow-takeover",
} as const;

export const ServerEvent = {
  /** To every player in the room, once per phase. */
  room: "game:room",
  /** To one player, instead of `room`, in phases with a view of their own: the room's view and theirs (PersonalMessage). */
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
