/**
 * The production server (npm start runs it after building): SvelteKit's
 * adapter-node handler for every page and endpoint, except that a student's
 * answer takes a fast lane straight to the answer logic, skipping SvelteKit's
 * per-request work (see src/lib/server/answer-lane.ts for why and what).
 *
 * Settings, as adapter-node's own server reads them: PORT (3000), HOST
 * (0.0.0.0), KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT in seconds (65 and 66 here,
 * so a student's connection stays open while they think about a claim),
 * SHUTDOWN_TIMEOUT (30), and ORIGIN, ADDRESS_HEADER, XFF_DEPTH as documented
 * for adapter-node.
 */
import http from 'node:http';
import process from 'node:process';
import { handler } from './build/handler.js';

const seconds = (name, fallback) => Number(process.env[name] ?? fallback) * 1000;
const LANE = Symbol.for('whosays.answer-lane');

const server = http.createServer((req, res) => {
	const lane = globalThis[LANE];
	if (lane?.accepts(req.method, req.url)) return lane.handle(req, res);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT', 65);
server.headersTimeout = seconds('HEADERS_TIMEOUT', 66);

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), seconds('SHUTDOWN_TIMEOUT', 30)).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
