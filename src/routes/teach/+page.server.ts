import { fail, redirect } from '@sveltejs/kit';
import { assignmentStatus, createAssignment } from '$lib/server/assignments.ts';
import { listQuizzes } from '$lib/server/catalogue.ts';
import { getDb } from '$lib/server/db/index.ts';
import { isAssignmentError } from '$lib/server/errors.ts';
import { grantedAssignments, grantManage, TEACHER_COOKIE, teacherCookie, teacherCookieOptions } from '$lib/server/manage-sessions.ts';
import { CreateAssignmentSchema, MAX_ATTEMPTS_ALLOWED, TITLE_CHARS } from '$lib/server/requests.ts';
import { newLinkCookie } from '$lib/server/new-link.ts';
import { getQuiz } from '$lib/server/catalogue.ts';
import { limits } from '$lib/server/limits.ts';
import { BAD_OFFSET, formOffset, NO_SUCH_TIME, serverTimeZone, wallTimeToUtc } from '$lib/server/wall-time.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const now = new Date();
	// "Your assignments": the ones this browser's teacher session already opens; nothing else is kept about the teacher.
	const granted = await grantedAssignments(db, await teacherCookie(db, event.cookies, event.url, now), now);
	// The list is this browser's own: no shared cache may keep it.
	if (granted.length) event.setHeaders({ 'cache-control': 'private, no-store' });
	return {
		quizzes: listQuizzes().map(({ slug, quiz, minutes }) => ({ slug, title: quiz.title, questions: quiz.questions.length, minutes })),
		titleChars: TITLE_CHARS,
		serverTimeZone: serverTimeZone(),
		maxAttempts: MAX_ATTEMPTS_ALLOWED,
		assignments: granted.map((a) => ({
			id: a.id,
			title: a.title,
			quizTitle: getQuiz(a.quizSlug)?.quiz.title ?? a.quizSlug,
			status: assignmentStatus(a, now),
			created: a.createdAt.slice(0, 10),
			students: a.students
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const text = (name: string) => String(form.get(name) ?? '').trim();
		const values = {
			quizSlug: text('quizSlug'),
			title: text('title'),
			mode: text('mode'),
			shuffle: text('order') === 'shuffled',
			attemptsAllowed: text('attemptsAllowed'),
			opensAt: text('opensAt'),
			closesAt: text('closesAt')
		};
		const refused = limits.take('creates', event.getClientAddress());
		if (refused) {
			event.setHeaders({ 'retry-after': String(refused.retryAfter) });
			return fail(429, { values, errors: { form: refused.message } });
		}
		// Sent by the page's script; without it, the times are read in the server's own zone (the page says so).
		const opensOffset = formOffset(form.get('opensAtOffset'));
		const closesOffset = formOffset(form.get('closesAtOffset'));
		if (opensOffset === undefined || closesOffset === undefined) return fail(400, { values, errors: { form: BAD_OFFSET } });
		const opensAt = wallTimeToUtc(values.opensAt, opensOffset);
		const closesAt = wallTimeToUtc(values.closesAt, closesOffset);
		if (opensAt === null || closesAt === null)
			return fail(400, { values, errors: opensAt === null ? { opensAt: NO_SUCH_TIME } : { closesAt: NO_SUCH_TIME } });
		const parsed = CreateAssignmentSchema.safeParse({
			quizSlug: values.quizSlug,
			title: values.title || undefined,
			mode: values.mode || undefined,
			shuffle: values.shuffle,
			attemptsAllowed: values.attemptsAllowed === '' ? undefined : Number(values.attemptsAllowed),
			opensAt,
			closesAt
		});
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0] ?? 'form');
				// The schema speaks the JSON field's name; the form, the words on its label.
				errors[field] ??= issue.message.replace(/^attemptsAllowed\b/, 'The number of attempts');
			}
			return fail(400, { values, errors });
		}
		const db = await getDb();
		let id: string;
		let manageToken: string;
		try {
			const created = await createAssignment(db, parsed.data, new Date(), { getQuiz });
			id = created.assignment.id;
			manageToken = created.manageToken;
		} catch (e) {
			if (isAssignmentError(e)) {
				const field = e.code === 'invalid-dates' ? 'closesAt' : e.code === 'invalid-opening' ? 'opensAt' : 'quizSlug';
				return fail(e.status, { values, errors: { [field]: e.message } });
			}
			throw e;
		}
		const now = new Date();
		const session = await grantManage(db, await teacherCookie(db, event.cookies, event.url, now), id, now);
		event.cookies.set(TEACHER_COOKIE, session.value, teacherCookieOptions(session.expiresAt, event.url));
		// The manage link is shown once, on its own page; only its hash is kept on the server.
		const flash = newLinkCookie(id, event.url);
		event.cookies.set(flash.name, manageToken, flash.options);
		redirect(303, `/manage/${id}/link`);
	}
};
