/**
 * A class's rows kept between the reads of an open dashboard. Each read takes
 * the attempts again (a row a student) but, of the answers, only those given
 * lately: reading every answer again (1,160 rows for a class of 40 through a
 * 29-question quiz) was most of a read's time, once a second while the class
 * works (see live.ts).
 *
 * An answer is stamped with the time its request arrived and committed a
 * moment later with others (answer-store.ts), so a read asks for the answers
 * stamped since OVERLAP_MS before the last read: one committed late is still
 * found. Every FULL_EVERY reads (about half a minute of a busy class), and
 * after a teacher's change, everything is read again, which bounds what any
 * slower commit could hide.
 */
import { answerFigures, attemptRows, type AnswerFigures, type ClassRows } from './dashboard.ts';
import type { Db } from './db/index.ts';

export const OVERLAP_MS = 10_000;
export const FULL_EVERY = 30;

export class KeptRows {
	readonly #answers = new Map<string, AnswerFigures>();
	#lastRead: number | null = null;
	#reads = 0;

	/** The next read takes everything again. */
	forget(): void {
		this.#lastRead = null;
	}

	async read(db: Db, assignmentId: string, now: Date): Promise<ClassRows> {
		const since = this.#lastRead !== null && this.#reads % FULL_EVERY !== 0 ? new Date(this.#lastRead - OVERLAP_MS).toISOString() : undefined;
		this.#reads++;
		const attempts = await attemptRows(db, assignmentId);
		const fresh = await answerFigures(db, assignmentId, since);
		if (since === undefined) this.#answers.clear();
		for (const a of fresh) this.#answers.set(`${a.attempt_id}\n${a.question_id}`, a);
		this.#lastRead = now.getTime();
		// An answer goes only with its attempt; should one go, its answers go from here too.
		const present = new Set(attempts.map((a) => a.id));
		for (const [key, a] of this.#answers) if (!present.has(a.attempt_id)) this.#answers.delete(key);
		return { attempts, answers: [...this.#answers.values()] };
	}
}
