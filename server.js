/**
 * The production server (npm start runs it after building): adapter-node's
 * handler in a plain Node server, as adapter-node documents for a custom
 * server. Every request goes through SvelteKit; this file only sets defaults
 * for a classroom laptop.
 *
 * 1. Plain http at any address. adapter-node takes every request to be https
 *    unless told otherwise, as behind a TLS proxy. A laptop serving a class at
 *    http://192.168.1.20:3000 has no proxy: SvelteKit's origin check would
 *    refuse every form and links would point at https. So unless ORIGIN or
 *    PROTOCOL_HEADER is set (the settings for a proxy, see the README), each
 *    request carries the protocol of its own connection, never a client's claim.
 * 2. Connections kept open 65 s (KEEP_ALIVE_TIMEOUT), so a student's stays open
 *    while they think about a claim.
 * 3. nosniff on built files too, which adapter-node serves before any hook.
 * 4. Room for 4,096 connections waiting to be accepted (Node's default
 *    is 511, and Linux caps it at net.core.somaxconn). When that queue is full,
 *    the system drops a new connection's first packet and the browser sends it
 *    again after 1, then 3, 7 and 15 s: students joining a busy server waited
 *    that long for the first byte.
 * 5. Requests take turns of about 5 ms, and each starts in a callback of
 *    its own (`start`). Node 20's event loop (libuv 1.45 and later) accepts
 *    one new connection per turn of the loop, and a turn handled every
 *    request that had come in since the one before: under a busy class,
 *    turns grew to hundreds of milliseconds, answers waited behind them, and
 *    students opening the page waited in the system's queue of connections,
 *    up to 30 s. Each request still goes to SvelteKit's handler, in the order
 *    it came; a turn starts requests until its time is up, so the loop gets
 *    back to the network between turns. Measured with `npm run bench:load`,
 *    5,000 students ramped over 60 s on one process: p95 0.6 to 1.3 s in six
 *    runs, against 1.4 to 2.7 s in six without turns, and no join timed out
 *    (0 to 531 of 5,000 did without).
 *    A callback of its own, because Node runs the promises a callback queued
 *    before it calls the next: a request's load and render run before the
 *    next request starts. Started together in one callback, a class's 40
 *    pages were rendered side by side and none was sent until all were.
 *
 * Every other setting is adapter-node's: PORT, HOST, ORIGIN, ADDRESS_HEADER,
 * XFF_DEPTH, BODY_SIZE_LIMIT, SHUTDOWN_TIMEOUT, HEADERS_TIMEOUT.
 */
import http from 'node:http';
import process from 'node:process';
import { lanAddresses } from './src/lib/server/lan-addresses.js';

const PROTOCOL = 'x-whosays-protocol';
const direct = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
// Read by the handler when it loads, so set before the import.
if (direct) process.env.PROTOCOL_HEADER = PROTOCOL;
const { handler } = await import('./build/handler.js');

const seconds = (name, fallback) => Number(process.env[name] ?? fallback) * 1000;

/** @type {import('node:http').RequestListener} */
function serve(req, res) {
	if (direct) req.headers[PROTOCOL] = req.socket.encrypted ? 'https' : 'http';
	// Built files are served before SvelteKit's hooks run, so they get this header here.
	res.setHeader('X-Content-Type-Options', 'nosniff');
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
}

const TURN_MS = 5;
/** When the current turn's time is up (a performance.now() time), or -1 between turns. */
let turnEnds = -1;

/** Starts a request now or, once this turn's time is up, early in the next turn, ahead of any that came later (5 above). */
function start(req, res) {
	if (turnEnds < 0) {
		turnEnds = performance.now() + TURN_MS;
		// Queued before any request put off to the next turn, so that turn starts with time of its own.
		setImmediate(() => (turnEnds = -1));
	} else if (performance.now() >= turnEnds) {
		setImmediate(start, req, res);
		return;
	}
	serve(req, res);
}

// A request starts in the turn after it came, in the order it came.
const server = http.createServer((req, res) => setImmediate(start, req, res));
server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT', 65);
server.headersTimeout = seconds('HEADERS_TIMEOUT', 66);

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen({ port, host, backlog: 4096 }, () => {
	console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
	// "localhost" works on this computer alone: say where a class on the same network reaches it.
	if (host !== '0.0.0.0' || process.env.ORIGIN) return;
	for (const address of lanAddresses()) console.log(`Students on this network open http://${address}:${port}`);
});

// As adapter-node's own server: finish the requests under way, then let the app close its database.
let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	console.log(`${reason}: finishing the requests under way, then stopping`);
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), seconds('SHUTDOWN_TIMEOUT', 30)).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
