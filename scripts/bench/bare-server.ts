/**
 * The ceiling for storing an answer on this machine: a bare node:http server
 * that does only what no answer endpoint can skip. It parses the JSON body and
 * commits the app's UPSERT into the app's answers table, with the app's
 * pragmas, in a transaction of its own, and answers as the app does in test
 * mode. No framework, no validation beyond shape, no grading, no attempt
 * lookup: the cookie carries the attempt id itself.
 *
 * Run: node --import tsx scripts/bench/bare-server.ts <database file> <port>
 * The file must already hold the app's schema (load.ts makes it with the app's
 * own migrations) and the attempts the load refers to, since foreign keys are on.
 */
import SQLite from 'better-sqlite3';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const [dbPath, portArg] = process.argv.slice(2);
if (!dbPath || !portArg) {
	console.error('usage: bare-server.ts <database file> <port>');
	process.exit(2);
}
const port = Number(portArg);
const origin = `http://localhost:${port}`;

const sqlite = new SQLite(dbPath);
// The same four pragmas as src/lib/server/db/index.ts, for the same reasons.
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('foreign_keys = ON');

// The statement Kysely compiles for submitAnswer in test mode (the practice
// variant differs only in DO NOTHING, which costs the same for a new row).
const upsert = sqlite.prepare(
	`insert into answers (attempt_id, question_id, answer, seq, correct, score, chosen_label, expected_label, answered_at)
	 values (?, ?, ?, ?, ?, ?, ?, ?, ?)
	 on conflict (attempt_id, question_id) do update set
	   answer = excluded.answer, seq = excluded.seq, correct = excluded.correct, score = excluded.score,
	   chosen_label = excluded.chosen_label, expected_label = excluded.expected_label, answered_at = excluded.answered_at
	 where excluded.seq > answers.seq`
);
const store = sqlite.transaction(
	(attemptId: string, questionId: string, answer: string, seq: number, label: string | null, at: string) => {
		upsert.run(attemptId, questionId, answer, seq, 0, 0, label, null, at);
	}
);

const RECORDED = JSON.stringify({ status: 'recorded' });
const ANSWER_PATH = /^\/a\/[A-Z0-9]{6}\/answer$/;

function reply(res: ServerResponse, status: number, body: string): void {
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
	res.end(body);
}

function attemptFrom(req: IncomingMessage): string | undefined {
	const match = /(?:^|;\s*)whosays_attempt=([^;]+)/.exec(req.headers.cookie ?? '');
	return match?.[1];
}

interface Body {
	questionId: string;
	answer: { type: string; category?: string; option?: string };
	seq: number;
}

function isBody(value: unknown): value is Body {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return typeof v.questionId === 'string' && typeof v.seq === 'number' && typeof v.answer === 'object' && v.answer !== null;
}

const server = createServer((req, res) => {
	if (req.method !== 'POST' || !ANSWER_PATH.test(req.url ?? '')) return reply(res, 404, '{"message":"not found"}');
	// The app refuses a POST from another origin; checking costs little, so the ceiling pays it too.
	if (req.headers.origin !== origin) return reply(res, 403, '{"message":"cross-site"}');
	const attemptId = attemptFrom(req);
	if (!attemptId) return reply(res, 401, '{"message":"no attempt"}');
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', () => {
		let body: unknown;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			return reply(res, 400, '{"message":"not JSON"}');
		}
		if (!isBody(body)) return reply(res, 400, '{"message":"bad body"}');
		const label = body.answer.category ?? body.answer.option ?? null;
		try {
			store(attemptId, body.questionId, JSON.stringify(body.answer), body.seq, label, new Date().toISOString());
		} catch (e) {
			return reply(res, 500, JSON.stringify({ message: String(e) }));
		}
		reply(res, 200, RECORDED);
	});
});

server.listen(port, '0.0.0.0', () => console.log(`Listening on ${origin}`));

let stopping = false;
function shutdown(): void {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		sqlite.close();
		process.exit(0);
	});
	server.closeAllConnections();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
// The benchmark holds our stdin open; if it dies without stopping us, the pipe closes and we stop too.
process.stdin.on('end', shutdown);
process.stdin.resume();
