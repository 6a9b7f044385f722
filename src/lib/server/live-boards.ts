/** The process's open dashboards (see live.ts), reading figures from the database and the quizzes this server offers. */
import { findAssignment } from './assignments.ts';
import { readFigures } from './board.ts';
import { getQuiz } from './catalogue.ts';
import { getDb } from './db/index.ts';
import { classEvents } from './events.ts';
import { LiveBoards } from './live.ts';
import { logError } from './log.ts';

export const liveBoards = new LiveBoards({
	events: classEvents,
	read: async (assignmentId) => {
		const db = await getDb();
		const assignment = await findAssignment(db, assignmentId);
		const entry = assignment && getQuiz(assignment.quizSlug);
		if (!assignment || !entry) return null;
		return JSON.stringify(await readFigures(db, assignment, entry.quiz, new Date()));
	},
	onError: (e) => logError('A live dashboard could not read its figures:', e)
});

// The server finishes open requests before it stops; an open dashboard's stream never finishes by itself.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => liveBoards.endAll());
