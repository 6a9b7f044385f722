import { error } from '@sveltejs/kit';
import { readFigures } from '$lib/server/board.ts';
import { discussion } from '$lib/server/discussion.ts';
import { requireManaged } from '../../access.ts';
import type { PageServerLoad } from './$types';

/** One question for the projector. Only counts leave the server here: nothing names a student. */
export const load: PageServerLoad = async (event) => {
	const { id, db, assignment, entry } = await requireManaged(event);
	const found = discussion(entry.quiz, await readFigures(db, assignment, entry.quiz, new Date()), event.params.question);
	if (!found) error(404, 'This quiz has no such question.');
	return { assignmentId: id, title: assignment.title, ...found };
};
