/** The process's open dashboards (see live.ts), reading figures from the database and the quizzes this server offers. */
import { findAssignment } from './assignments.ts';
import { readFigures } from './board.ts';
import { getQuiz } from './catalogue.ts';
import { getDb } from './db/index.ts';
import { classEvents } from './events.ts';
import { KeptRows } from './kept-rows.ts';
import { LiveBoards } from './live.ts';
import { logError } from './log.ts';

export const liveBoards = new LiveBoards({
	events: classEvents,
	reader: (assignmentId) => {
		// Kept while the class is watched: each read fetches only the answers given since the last.
		const rows = new KeptRows();
		return async (happened) => {
			const db = await getDb();
			const assignment = await findAssignment(db, assignmentId);
			const entry = assignment && getQuiz(assignment.quizSlug);
			if (!assignment || !entry) return null;
			// A teacher's change (a rename, closing) may touch what is kept: read it all again.
			if (happened.has('changed')) rows.forget();
			return JSON.stringify(await readFigures(db, assignment, entry.quiz, new Date(), (db, id, now) => rows.read(db, id, now)));
		};
	},
	onError: (e) => logError('A live dashboard could not read its figures:', e)
});

// The server finishes open requests before it stops; an open dashboard's stream never finishes by itself.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => liveBoards.endAll());
