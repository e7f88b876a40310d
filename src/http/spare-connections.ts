import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Ends, when the server closes, the connections that have not carried a request. Browsers open
 * a spare connection ahead of need (Chromium's preconnect); Node's `closeIdleConnections`, which
 * Fastify calls once as it closes, leaves such a socket alone, so the close waited for the
 * socket's idle timeout (`connectionTimeoutMs`, two minutes) before the process could exit. A
 * request already on its way over one is lost as on any connection cut at shutdown: the
 * browser, or the proxy in front, tries another process.
 */
export function closeSpareConnectionsOnClose(app: FastifyInstance): void {
  const spare = new Set<Socket>();
  let closing = false;
  app.server.on('connection', (socket: Socket) => {
    // Taken in the moment between the close beginning and the listening socket closing.
    if (closing) return void socket.destroy();
    spare.add(socket);
    socket.once('close', () => spare.delete(socket));
  });
  app.server.on('request', (req: IncomingMessage) => spare.delete(req.socket));
  app.addHook('preClose', async () => {
    closing = true;
    for (const socket of spare) socket.destroy();
    spare.clear();
  });
}
