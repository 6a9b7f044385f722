import { error } from '@sveltejs/kit';
import { settleIfClosed } from '$lib/server/board.ts';
import { studentAnswers } from '$lib/server/student-answers.ts';
import { requireManaged } from '../../access.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { id, db, assignment, entry } = await requireManaged(event);
	await settleIfClosed(db, assignment, new Date());
	const student = await studentAnswers(db, id, event.params.attempt, entry.quiz);
	if (!student) error(404, 'This student is not in this class (any more).');
	return { assignmentId: id, title: assignment.title, mode: assignment.mode, categories: entry.quiz.categories, student };
};
