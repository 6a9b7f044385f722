import { error } from '@sveltejs/kit';
import { findAssignment } from '$lib/server/assignments.ts';
import { attachment, resultsFileName } from '$lib/server/csv.ts';
import { settleIfClosed } from '$lib/server/board.ts';
import { classReport, toCsv } from '$lib/server/dashboard.ts';
import { getDb } from '$lib/server/db/index.ts';
import { getQuiz } from '$lib/server/catalogue.ts';
import { requireManager } from '../access.ts';
import type { RequestHandler } from './$types';

/** The class's results as a spreadsheet file: one row per student, one column per question. */
export const GET: RequestHandler = async (event) => {
	const id = await requireManager(event);
	const db = await getDb();
	const assignment = await findAssignment(db, id);
	const entry = assignment && getQuiz(assignment.quizSlug);
	if (!assignment || !entry) error(404, 'This assignment or its quiz is gone.');
	// A class closed by its deadline has its open attempts finished first, as the dashboard shows them.
	await settleIfClosed(db, assignment, new Date());
	return new Response(toCsv(await classReport(db, id, entry.quiz)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment(resultsFileName(assignment.title, assignment.code))
		}
	});
};
