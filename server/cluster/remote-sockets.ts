/**
 * The owner's note of which of its games' sockets live on which other node, kept from the
 * forwarded calls: added on a successful join/resume/host attach, removed when that node reports
 * the socket closed. If the node dies, what is left here is closed by the owner.
 */
import type { RoomOp } from "./remote-room";

export type ForwardedPayload = { gameId: string; socketId?: string; playerId?: string };

interface RemoteSocket {
  gameId: string;
  socketId: string;
  /** Unset for a host screen. */
  playerId?: string;
}

export class RemoteSockets {
  private readonly byNode = new Map<string, Map<string, RemoteSocket>>();

  record(nodeId: string, op: string, payload: ForwardedPayload, reply: unknown): void {
    const { gameId, socketId } = payload;
    if (!socketId) return;
    const ok = (reply as { ok?: boolean } | null)?.ok === true;
    switch (op as RoomOp) {
      case "join":
        if (ok) this.add(nodeId, { gameId, socketId, playerId: (reply as { you: { playerId: string } }).you.playerId });
        break;
      case "resume":
        if (ok && payload.playerId) this.add(nodeId, { gameId, socketId, playerId: payload.playerId });
        break;
      case "hostAttached":
        this.add(nodeId, { gameId, socketId });
        break;
      case "socketClosed":
      case "hostDetached":
        this.byNode.get(nodeId)?.delete(socketId);
        break;
      default:
        break;
    }
  }

  nodes(): string[] {
    return [...this.byNode.keys()];
  }

  takeAll(nodeId: string): RemoteSocket[] {
    const sockets = [...(this.byNode.get(nodeId)?.values() ?? [])];
    this.byNode.delete(nodeId);
    return sockets;
  }

  private add(nodeId: string, socket: RemoteSocket): void {
    let sockets = this.byNode.get(nodeId);
    if (!sockets) this.byNode.set(nodeId, (sockets = new Map()));
    sockets.set(socket.socketId, socket);
  }
}
