import { error, fail, redirect } from '@sveltejs/kit';
import { closeAssignment, deleteAssignment, findAssignment, RETENTION_DAYS } from '$lib/server/assignments.ts';
import { finishOverdue } from '$lib/server/attempts.ts';
import { classReport } from '$lib/server/dashboard.ts';
import { getDb } from '$lib/server/db/index.ts';
import { qrSvg } from '$lib/server/qr.ts';
import { DeleteAssignmentSchema, DisplayNameSchema } from '$lib/server/requests.ts';
import { isAssignmentError } from '$lib/server/errors.ts';
import { letBackIn, LET_IN_MINUTES, renameStudent } from '$lib/server/roster.ts';
import { getQuiz } from '$lib/server/catalogue.ts';
import { classEvents } from '$lib/server/events.ts';
import { limits } from '$lib/server/limits.ts';
import { requireManager } from './access.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = await requireManager(event);
	event.depends('manage:report');
	const db = await getDb();
	await finishOverdue(db, new Date());
	const assignment = await findAssignment(db, id);
	if (!assignment) error(404, 'This assignment has been deleted.');
	const entry = getQuiz(assignment.quizSlug);
	if (!entry) error(410, 'The quiz for this assignment is no longer on this site.');
	const report = await classReport(db, id, entry.quiz);
	// The class joins from the network the teacher is on: its code is let in there, whatever else that network tries.
	await limits.vouch(event.getClientAddress(), assignment.code);
	const studentUrl = `${event.url.origin}/a/${assignment.code}`;
	return {
		report,
		quizTitle: entry.quiz.title,
		categories: entry.quiz.categories,
		studentUrl,
		qr: `data:image/svg+xml;base64,${Buffer.from(await qrSvg(studentUrl)).toString('base64')}`,
		retentionDays: RETENTION_DAYS,
		checkedAt: new Date().toISOString()
	};
};

export const actions: Actions = {
	close: async (event) => {
		const id = await requireManager(event);
		await closeAssignment(await getDb(), id, new Date());
		classEvents.publish({ assignmentId: id, kind: 'changed' });
		return { closed: true };
	},
	/** Renames a student: a squatted name freed, a typo mended. */
	rename: async (event) => {
		const id = await requireManager(event);
		const form = await event.request.formData();
		const attemptId = String(form.get('attemptId') ?? '');
		const name = DisplayNameSchema.safeParse(form.get('name') ?? '');
		if (!name.success) return fail(400, { roster: { attemptId, error: name.error.issues[0]?.message ?? 'Type a name' } });
		try {
			await renameStudent(await getDb(), id, attemptId, name.data);
			classEvents.publish({ assignmentId: id, kind: 'changed' });
		} catch (e) {
			if (isAssignmentError(e)) return fail(e.status, { roster: { attemptId, error: e.message } });
			throw e;
		}
		return { roster: { attemptId, done: `Renamed to ${name.data}.` } };
	},
	/** Lets a student back in from another browser: the next join under their name takes their attempt over. */
	letIn: async (event) => {
		const id = await requireManager(event);
		const attemptId = String((await event.request.formData()).get('attemptId') ?? '');
		try {
			const name = await letBackIn(await getDb(), id, attemptId, new Date());
			return { roster: { attemptId, done: `For the next ${LET_IN_MINUTES} minutes, the next person to join as ${name} continues ${name}'s attempt.` } };
		} catch (e) {
			if (isAssignmentError(e)) return fail(e.status, { roster: { attemptId, error: e.message } });
			throw e;
		}
	},
	delete: async (event) => {
		const id = await requireManager(event);
		const form = Object.fromEntries(await event.request.formData());
		const parsed = DeleteAssignmentSchema.safeParse(form);
		if (!parsed.success) return fail(400, { deleteError: parsed.error.issues[0]?.message ?? 'Tick the box to confirm.' });
		// Its grants go with it, in every browser that had it open.
		await deleteAssignment(await getDb(), id);
		redirect(303, '/teach?deleted=1');
	}
};
