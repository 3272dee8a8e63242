/**
 * A tiny TCP load balancer for multi-node tests, like an nginx upstream with fail-over: each new
 * connection goes to the first upstream port that accepts it. When a node dies its connections
 * close, and the clients' reconnects land on the next node in the list.
 */
import net from "node:net";

export class TcpBalancer {
  private readonly server = net.createServer((client) => this.route(client));
  private readonly open = new Set<net.Socket>();
  /** Where each accepted connection went, by upstream port. */
  readonly routed = new Map<number, number>();

  constructor(private upstreams: number[]) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => this.server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** New connections go to these ports, in this order of preference. */
  setUpstreams(ports: number[]): void {
    this.upstreams = ports;
  }

  private route(client: net.Socket): void {
    client.pause();
    this.open.add(client);
    client.once("close", () => this.open.delete(client));
    client.on("error", () => client.destroy());
    const candidates = [...this.upstreams];
    const tryNext = () => {
      const port = candidates.shift();
      if (port === undefined || client.destroyed) return void client.destroy();
      const upstream = net.connect(port, "127.0.0.1");
      upstream.once("error", tryNext);
      upstream.once("connect", () => {
        upstream.off("error", tryNext);
        this.routed.set(port, (this.routed.get(port) ?? 0) + 1);
        this.open.add(upstream);
        upstream.once("close", () => {
          this.open.delete(upstream);
          client.destroy();
        });
        upstream.on("error", () => upstream.destroy());
        client.once("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryNext();
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
