import { error } from '@sveltejs/kit';
import { findAssignment } from '$lib/server/assignments.ts';
import { settleIfClosed } from '$lib/server/board.ts';
import { getQuiz } from '$lib/server/catalogue.ts';
import { getDb } from '$lib/server/db/index.ts';
import { studentAnswers } from '$lib/server/student-answers.ts';
import { requireManager } from '../../access.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = await requireManager(event);
	const db = await getDb();
	const assignment = await findAssignment(db, id);
	if (!assignment) error(404, 'This assignment has been deleted.');
	const entry = getQuiz(assignment.quizSlug);
	if (!entry) error(410, 'The quiz for this assignment is no longer on this site.');
	await settleIfClosed(db, assignment, new Date());
	const student = await studentAnswers(db, id, event.params.attempt, entry.quiz);
	if (!student) error(404, 'This student is not in this class (any more).');
	return { assignmentId: id, title: assignment.title, mode: assignment.mode, categories: entry.quiz.categories, student };
};
