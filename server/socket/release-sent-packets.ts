import type { Server } from "socket.io";

interface FlushedSocket {
  transport: { name: string };
}

/**
 * Empties each batch of packets Engine.IO has just written to a websocket.
 *
 * Engine.IO gives every connection a fresh write buffer after each flush and leaves the old one,
 * with the packets still in it, for the garbage collector. A phone's buffer waits seconds between
 * phases, so by the time a message is put in it V8 has moved it to the old generation; from there
 * it keeps the message (its text, its frame, its options) alive through every young collection
 * until the next full one, whatever happens to the buffer itself. At 200 classes at once that was
 * about a third of everything the young collections promoted, and with it the length of their
 * pauses and how often full collections ran while the rounds were timed.
 *
 * The websocket transport writes the packets before `flush` returns ("drain" follows at once), so
 * the batch is no longer needed then. Other transports are left alone: WebTransport sends
 * asynchronously, and long-polling's batches are rare and short-lived.
 */
export function releaseSentPackets(io: Server): void {
  let flushingSocket: FlushedSocket | null = null;
  let flushingPackets: unknown[] | null = null;
  io.engine.on("flush", (socket: FlushedSocket, packets: unknown[]) => {
    flushingSocket = socket;
    flushingPackets = packets;
  });
  io.engine.on("drain", (socket: FlushedSocket) => {
    if (flushingSocket === socket && flushingPackets && socket.transport.name === "websocket") flushingPackets.length = 0;
    flushingSocket = null;
    flushingPackets = null;
  });
}
