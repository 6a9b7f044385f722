import { error, fail, redirect } from '@sveltejs/kit';
import { changeClosingTime, closeAssignment, deleteAssignment, openNow, replaceManageToken, RETENTION_DAYS } from '$lib/server/assignments.ts';
import { boardSetup, readFigures } from '$lib/server/board.ts';
import { getDb } from '$lib/server/db/index.ts';
import { CloseAssignmentSchema, DeleteAssignmentSchema, RenameSchema } from '$lib/server/requests.ts';
import { isAssignmentError } from '$lib/server/errors.ts';
import { letBackIn, LET_IN_MINUTES, renameStudent } from '$lib/server/roster.ts';
import { classEvents } from '$lib/server/events.ts';
import { limits } from '$lib/server/limits.ts';
import { revokeOtherGrants } from '$lib/server/manage-sessions.ts';
import { newLinkCookie } from '$lib/server/new-link.ts';
import { isolate, sentence } from '$lib/quiz/text.ts';
import { requireManaged, requireManager, requireManagerSession } from './access.ts';
import { isLoopback, networkOrigins } from '$lib/server/network.ts';
import { BAD_OFFSET, formOffset, NO_SUCH_TIME, serverTimeZone, wallTimeToUtc } from '$lib/server/wall-time.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// The fallback while the live stream is down: the page polls by invalidating this.
	event.depends('manage:report');
	const { id, db, assignment, entry } = await requireManaged(event);
	const now = new Date();
	const figures = await readFigures(db, assignment, entry.quiz, now);
	// The class joins from the network the teacher is on: its code is let in there, whatever else that network tries.
	await limits.vouch(event.getClientAddress(), assignment.code);
	const { title, code, mode, shuffle, closedAt, opensAt, closesAt } = assignment;
	return {
		assignment: { id, title, code, mode, shuffle, closedAt, opensAt, closesAt },
		quizTitle: entry.quiz.title,
		setup: boardSetup(entry.quiz),
		figures,
		studentUrl: `${event.url.origin}/a/${assignment.code}`,
		// Opened as localhost, the links work on this computer alone: where students reach it instead.
		network: isLoopback(event.url.hostname) ? networkOrigins(event.url) : null,
		retentionDays: RETENTION_DAYS,
		serverTimeZone: serverTimeZone(),
		checkedAt: now.toISOString()
	};
};

export const actions: Actions = {
	/** For good: it finishes every attempt under way, so it is confirmed first, as deleting is. */
	close: async (event) => {
		const id = await requireManager(event);
		const parsed = CloseAssignmentSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { closeError: parsed.error.issues[0]?.message ?? 'Tick the box to confirm.' });
		await closeAssignment(await getDb(), id, new Date());
		classEvents.publish({ assignmentId: id, kind: 'changed' });
		return { closed: true };
	},
	/** A new closing time, typed on the teacher's clock, or none (an empty field): more time, or less. */
	closing: async (event) => {
		const id = await requireManager(event);
		const form = await event.request.formData();
		const closesAt = String(form.get('closesAt') ?? '').trim();
		const offset = formOffset(form.get('closesAtOffset'));
		if (offset === undefined) return fail(400, { closing: { closesAt, error: BAD_OFFSET } });
		const at = wallTimeToUtc(closesAt, offset);
		if (at === null) return fail(400, { closing: { closesAt, error: NO_SUCH_TIME } });
		try {
			const changed = await changeClosingTime(await getDb(), id, at ?? null, new Date());
			classEvents.publish({ assignmentId: id, kind: 'changed' });
			return { closing: { done: changed.closesAt ? 'The closing time is changed.' : 'The assignment now stays open until you close it.' } };
		} catch (e) {
			if (isAssignmentError(e)) return fail(e.status, { closing: { closesAt, error: e.message } });
			throw e;
		}
	},
	/** A class set to open later, opened now: it is ready early. */
	openNow: async (event) => {
		const id = await requireManager(event);
		try {
			await openNow(await getDb(), id, new Date());
		} catch (e) {
			if (isAssignmentError(e)) return fail(e.status, { closing: { closesAt: '', error: e.message } });
			throw e;
		}
		classEvents.publish({ assignmentId: id, kind: 'changed' });
		return { closing: { done: 'The assignment is open: students can join now.' } };
	},
	/** Renames a student: a squatted name freed, a typo mended. */
	rename: async (event) => {
		const id = await requireManager(event);
		const form = await event.request.formData();
		const attemptId = String(form.get('attemptId') ?? '');
		// Given back with a refusal of the name itself, to mark the field and keep what was typed in it.
		const typed = String(form.get('name') ?? '');
		const name = RenameSchema.safeParse(form.get('name') ?? '');
		if (!name.success) return fail(400, { roster: { attemptId, name: typed, error: name.error.issues[0]?.message ?? "Type the student's new name" } });
		try {
			await renameStudent(await getDb(), id, attemptId, name.data);
			classEvents.publish({ assignmentId: id, kind: 'changed' });
		} catch (e) {
			if (isAssignmentError(e, 'name-taken')) return fail(e.status, { roster: { attemptId, name: typed, error: e.message } });
			if (isAssignmentError(e)) return fail(e.status, { roster: { attemptId, error: e.message } });
			throw e;
		}
		return { roster: { attemptId, done: sentence(`Renamed to ${isolate(name.data)}`) } };
	},
	/** Lets a student back in from another browser: the next join under their name takes their attempt over. */
	letIn: async (event) => {
		const id = await requireManager(event);
		const attemptId = String((await event.request.formData()).get('attemptId') ?? '');
		try {
			const name = await letBackIn(await getDb(), id, attemptId, new Date());
			return { roster: { attemptId, done: `For the next ${LET_IN_MINUTES} minutes, the next person to join as ${isolate(name)} continues ${isolate(name)}'s attempt.` } };
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
		// Every dashboard watching it is told at once, whichever app process serves it: other browsers, and this
		// browser's other tabs (this one is on its way to /teach).
		classEvents.publish({ assignmentId: id, kind: 'access-ended' });
		redirect(303, '/teach?deleted=1');
	},
	/**
	 * A lost or leaked manage link, replaced: the old link opens nothing from
	 * now on, and every other browser's grant (and open live dashboard) ends,
	 * so whoever else had the link is out. This browser keeps the dashboard.
	 * The new link is shown once, on its own page, never on the dashboard a
	 * teacher projects.
	 */
	newLink: async (event) => {
		const { id, session } = await requireManagerSession(event);
		const db = await getDb();
		const token = await db.transaction().execute(async (trx) => {
			const replaced = await replaceManageToken(trx, id);
			if (replaced) await revokeOtherGrants(trx, id, session);
			return replaced;
		});
		if (!token) error(404, 'This assignment has been deleted.');
		classEvents.publish({ assignmentId: id, kind: 'access-ended', keep: session });
		const flash = newLinkCookie(id, event.url);
		event.cookies.set(flash.name, token, flash.options);
		redirect(303, `/manage/${id}/link?replaced`);
	}
};
