// A stand-in for a business's website on origins other than Concierge's: small HTML pages that embed the
// widget with the one script tag, served on one or more loopback ports.
import { createServer } from 'node:http';

/** The hostile stylesheet a careless or clumsy site might carry. */
export const HOSTILE_CSS = '* { color: red !important; font-size: 40px }';

/**
 * @param {string} conciergeOrigin where widget.js and the API live
 * @param {string | undefined} pacedApiBase an API base for the page /paced (a proxy that slows streams down)
 * @returns {Record<string, { html: string, headers?: Record<string, string> }>}
 */
function pages(conciergeOrigin, pacedApiBase) {
  const embed = `<script src="${conciergeOrigin}/widget.js" data-client-id="demo" defer></script>`;
  const page = (title, head, body) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  ${head}
</head>
<body>
  <main>
    <h1>${title}</h1>
    <p>Fresh bread every morning. Open Monday to Friday.</p>
    <p><a href="#hours">Opening hours</a> · <a href="#contact">Contact</a></p>
  </main>
  ${body}
</body>
</html>
`;
  return {
    '/plain': { html: page('A plain shop', '', embed) },
    '/hostile': { html: page('A shop with hostile CSS', `<style>${HOSTILE_CSS}</style>`, embed) },
    '/csp': {
      html: page('A shop with a strict CSP', '', embed),
      headers: {
        // No 'unsafe-inline' and no 'unsafe-eval' anywhere; the widget may only load its script and talk to its API.
        'Content-Security-Policy':
          `default-src 'self'; script-src 'self' ${conciergeOrigin}; connect-src 'self' ${conciergeOrigin}; ` +
          `style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
      },
    },
    '/unknown-tenant': {
      html: page('A shop with a mistyped key', '', `<script src="${conciergeOrigin}/widget.js" data-client-id="no-such-shop" defer></script>`),
    },
    '/no-widget': { html: page('A plain shop', '', '') },
    ...(pacedApiBase === undefined ? {} : {
      '/paced': {
        html: page('A plain shop', '', `<script src="${conciergeOrigin}/widget.js" data-client-id="demo" data-api-base="${pacedApiBase}" defer></script>`),
      },
    }),
  };
}

/**
 * Serves the host pages on the given loopback ports.
 * @param {string} conciergeOrigin
 * @param {number[]} ports
 * @param {{ pacedApiBase?: string }} [options]
 * @returns {Promise<{ origins: string[], close: () => Promise<void> }>}
 */
export async function serveHostPages(conciergeOrigin, ports, options = {}) {
  const byPath = pages(conciergeOrigin, options.pacedApiBase);
  const handler = (/** @type {import('node:http').IncomingMessage} */ request, /** @type {import('node:http').ServerResponse} */ response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const found = byPath[path];
    if (found === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...found.headers });
    response.end(found.html);
  };
  const servers = await Promise.all(
    ports.map(
      (port) =>
        new Promise((resolve, reject) => {
          const server = createServer(handler);
          server.on('error', reject);
          server.listen(port, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  return {
    origins: ports.map((port) => `http://127.0.0.1:${port}`),
    close: () =>
      Promise.all(
        servers.map((server) => new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve(undefined));
        })),
      ).then(() => undefined),
  };
}
