/**
 * A bare WebSocket client over node:net/http (RFC 6455 framing by hand), for sending Socket.IO
 * traffic no well-behaved client would: any engine.io/socket.io packet text, binary frames,
 * and malformed WebSocket frames (unmasked, reserved opcodes, RSV bits set).
 */
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import type { Socket } from "node:net";

export interface FrameOptions {
  opcode?: number;
  /** Clients must mask their frames; an unmasked one is a protocol error. */
  mask?: boolean;
  /** RSV1-3 bits (0-7): must be 0 without an extension. */
  rsv?: number;
  fin?: boolean;
}

export class RawWebSocket {
  /** Text messages received, in order. */
  readonly texts: string[] = [];
  closed = false;
  private buffered: Buffer = Buffer.alloc(0);
  private waiters: Array<{ match: (text: string) => boolean; resolve: (text: string | null) => void }> = [];

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    const onGone = () => {
      this.closed = true;
      for (const waiter of this.waiters.splice(0)) waiter.resolve(null);
    };
    socket.on("close", onGone);
    socket.on("error", onGone);
  }

  /** Opens `path` on `url` (http://host:port) as a WebSocket. */
  static open(url: string, path: string, timeoutMs = 5_000): Promise<RawWebSocket> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const req = request({
        host: hostname,
        port,
        path,
        headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Key": randomBytes(16).toString("base64"), "Sec-WebSocket-Version": "13" },
        timeout: timeoutMs,
      });
      req.on("upgrade", (_res, socket, head) => {
        const ws = new RawWebSocket(socket);
        if (head.length > 0) ws.receive(head);
        resolve(ws);
      });
      req.on("response", (res) => {
        res.resume();
        reject(new Error(`no upgrade: HTTP ${res.statusCode}`));
      });
      req.on("timeout", () => req.destroy(new Error("upgrade timed out")));
      req.on("error", reject);
      req.end();
    });
  }

  sendText(text: string): void {
    this.sendFrame(Buffer.from(text, "utf8"), { opcode: 1 });
  }

  sendBinary(data: Buffer): void {
    this.sendFrame(data, { opcode: 2 });
  }

  sendFrame(payload: Buffer, { opcode = 1, mask = true, rsv = 0, fin = true }: FrameOptions = {}): void {
    if (this.closed) return;
    const length = payload.length;
    const header: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
    const maskBit = mask ? 0x80 : 0;
    if (length < 126) header.push(maskBit | length);
    else if (length < 65_536) header.push(maskBit | 126, length >> 8, length & 0xff);
    else {
      header.push(maskBit | 127, 0, 0, 0, 0);
      header.push((length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
    }
    let body = payload;
    const parts: Buffer[] = [Buffer.from(header)];
    if (mask) {
      const key = randomBytes(4);
      body = Buffer.alloc(length);
      for (let i = 0; i < length; i++) body[i] = payload[i]! ^ key[i & 3]!;
      parts.push(key);
    }
    parts.push(body);
    this.socket.write(Buffer.concat(parts));
  }

  /** The next text message `match` accepts (or one already received), or null if the connection ends or time runs out. */
  waitFor(match: (text: string) => boolean, timeoutMs = 3_000): Promise<string | null> {
    const seen = this.texts.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = {
        match,
        resolve: (text: string | null) => {
          clearTimeout(timer);
          resolve(text);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve(null);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    for (;;) {
      const frame = this.buffered;
      if (frame.length < 2) return;
      const opcode = frame[0]! & 0x0f;
      let length = frame[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (frame.length < 4) return;
        length = frame.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (frame.length < 10) return;
        length = Number(frame.readBigUInt64BE(2));
        offset = 10;
      }
      if (frame.length < offset + length) return;
      const payload = frame.subarray(offset, offset + length);
      this.buffered = frame.subarray(offset + length);
      if (opcode === 1) this.onText(payload.toString("utf8"));
      else if (opcode === 9) this.sendFrame(payload, { opcode: 10 });
      else if (opcode === 8) this.close();
    }
  }

  private onText(text: string): void {
    // engine.io heartbeat: answer the server's ping so the connection lives.
    if (text === "2") this.sendText("3");
    this.texts.push(text);
    for (const waiter of this.waiters.filter((candidate) => candidate.match(text))) {
      this.waiters = this.waiters.filter((other) => other !== waiter);
      waiter.resolve(text);
    }
  }
}
