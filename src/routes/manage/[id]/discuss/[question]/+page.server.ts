import { error } from '@sveltejs/kit';
import { findAssignment } from '$lib/server/assignments.ts';
import { readFigures } from '$lib/server/board.ts';
import { getQuiz } from '$lib/server/catalogue.ts';
import { getDb } from '$lib/server/db/index.ts';
import { discussion } from '$lib/server/discussion.ts';
import { requireManager } from '../../access.ts';
import type { PageServerLoad } from './$types';

/** One question for the projector. Only counts leave the server here: nothing names a student. */
export const load: PageServerLoad = async (event) => {
	const id = await requireManager(event);
	const db = await getDb();
	const assignment = await findAssignment(db, id);
	if (!assignment) error(404, 'This assignment has been deleted.');
	const entry = getQuiz(assignment.quizSlug);
	if (!entry) error(410, 'The quiz for this assignment is no longer on this site.');
	const found = discussion(entry.quiz, await readFigures(db, assignment, entry.quiz, new Date()), event.params.question);
	if (!found) error(404, 'This quiz has no such question.');
	return { assignmentId: id, title: assignment.title, ...found };
};
