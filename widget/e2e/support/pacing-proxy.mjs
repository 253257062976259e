// A reverse proxy in front of Concierge that passes everything through unchanged, except that it holds each
// server-sent event of a streamed answer for a while. The offline assistant answers at once, so without it a
// whole reply can arrive in one read; paced, a test can watch the reply grow piece by piece.
import { createServer, request as forward } from 'node:http';

/**
 * @param {string} target Concierge's origin
 * @param {number} port where the proxy listens (loopback)
 * @param {number} pauseMs how long each event is held
 */
export async function startPacingProxy(target, port, pauseMs) {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const proxied = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      async (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!String(answer.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          answer.pipe(outgoing);
          return;
        }
        let buffered = '';
        for await (const chunk of answer) {
          buffered += chunk.toString('utf8');
          let end;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const event = buffered.slice(0, end + 2);
            buffered = buffered.slice(end + 2);
            await new Promise((resolve) => setTimeout(resolve, pauseMs));
            outgoing.write(event);
          }
        }
        outgoing.end(buffered);
      },
    );
    proxied.on('error', () => outgoing.destroy());
    incoming.pipe(proxied);
  });
  await new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve(undefined));
    }),
  };
}
