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
 * 5. Requests take turns, two at a time, in the order they came (`AT_ONCE`).
 *    Node runs every request it has started side by side, each a little at a
 *    time between its awaits, so each finishes about when the last of them
 *    does. A class of 40 pressing Start at once had all 40 joins, then all 40
 *    pages, sharing the one thread: every page took about as long as all of
 *    them. In turns, the first students get their page first and the last no
 *    later than before. Two, not one, so a request waiting for the thread pool
 *    (a page's compression) leaves the thread to the next. A request gives its
 *    turn up when its response has gone out, or after `HOLD_MS` whatever it
 *    is doing (a body sent slowly, a live stream, a busy database), so no
 *    request holds the others up for long. Between turns the event loop gets
 *    back to the network: Node 20 (libuv 1.45 and later) accepts one new
 *    connection per turn of its loop, and a loop turn that ran every request
 *    waiting left students opening the page in the system's queue of
 *    connections, up to 30 s. Each request still goes to SvelteKit's handler.
 *    Measured with `npm run bench:load` (a), a class of 40 opening the link,
 *    pressing Start and loading the page at once, three runs each way: 14 to
 *    29 of its 120 join requests took 100 ms or more, against 40 to 49 when
 *    every request started at once (a turn of the loop started all there were
 *    for up to 5 ms), and the class's p99 was 136 to 149 ms against 161 to 171.
 *
 * Every other setting is adapter-node's: PORT, HOST, ORIGIN, ADDRESS_HEADER,
 * XFF_DEPTH, BODY_SIZE_LIMIT, SHUTDOWN_TIMEOUT, HEADERS_TIMEOUT.
 */
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import process from 'node:process';

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

/** Requests started and not yet answered, at most (5 above). */
const AT_ONCE = 2;
/** How long a request keeps its turn at most, however long it takes to answer. */
const HOLD_MS = 50;
/** Requests waiting for their turn, oldest first. */
const waiting = [];
let running = 0;
let scheduled = false;

/** Starts a request in its turn; the turn passes on when the response has gone out, or after HOLD_MS. */
function start(req, res) {
	running++;
	let holding = true;
	const release = () => {
		if (!holding) return;
		holding = false;
		clearTimeout(timer);
		running--;
		nextTurn();
	};
	const timer = setTimeout(release, HOLD_MS);
	res.once('close', release);
	serve(req, res);
}

/** The waiting requests there is room for, started after the event loop has seen the network. */
function nextTurn() {
	if (scheduled || !waiting.length) return;
	scheduled = true;
	setImmediate(() => {
		scheduled = false;
		while (running < AT_ONCE && waiting.length) start(...waiting.shift());
	});
}

const server = http.createServer((req, res) => {
	waiting.push([req, res]);
	nextTurn();
});
server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT', 65);
server.headersTimeout = seconds('HEADERS_TIMEOUT', 66);

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen({ port, host, backlog: 4096 }, () => {
	console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
	// "localhost" works on this computer alone: say where a class on the same network reaches it.
	if (host !== '0.0.0.0' || process.env.ORIGIN) return;
	const addresses = Object.values(networkInterfaces())
		.flat()
		.filter((a) => a && !a.internal && a.family === 'IPv4' && !a.address.startsWith('169.254.'));
	for (const a of addresses) console.log(`Students on this network open http://${a.address}:${port}`);
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
