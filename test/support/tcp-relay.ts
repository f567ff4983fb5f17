import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface TcpRelay {
  /** The relay's port on 127.0.0.1: connect here instead of to the server. */
  port: number;
  /** Cuts every connection and refuses new ones, as a server going away would. */
  cut(): void;
  close(): Promise<void>;
}

/** A TCP relay on loopback in front of a real server, to take the server away on demand. */
export async function startTcpRelay(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  let open = true;
  const server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect({ host: targetHost, port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        open = false;
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
