import { error, fail, redirect } from '@sveltejs/kit';
import { assignmentStatus, findAssignmentByCode } from '$lib/server/assignments.ts';
import { attemptState, startAttempt } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/index.ts';
import { isAssignmentError } from '$lib/server/errors.ts';
import { DisplayNameSchema, NAME_CHARS } from '$lib/server/requests.ts';
import { normalizeCode } from '$lib/server/student-code.ts';
import {
	allowRequest,
	clearAttemptCookie,
	getQuiz,
	lookupFailed,
	mayLookUp,
	readAttemptCookie,
	setAttemptCookie,
	TOO_MANY
} from '$lib/server/web.ts';
import { estimateMinutes } from '$lib/quiz/meta.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'No assignment has this code. Check the code with your teacher: it looks like K7M-4PX.';

async function assignmentFor(event: { params: { code: string }; getClientAddress(): string }) {
	const code = normalizeCode(event.params.code);
	if (!mayLookUp(event)) error(429, TOO_MANY);
	if (!code) {
		lookupFailed(event);
		error(404, NOT_FOUND);
	}
	if (event.params.code !== code) redirect(308, `/a/${code}`);
	const assignment = await findAssignmentByCode(await getDb(), code);
	if (!assignment) {
		lookupFailed(event);
		error(404, NOT_FOUND);
	}
	return { code, assignment };
}

export const load: PageServerLoad = async (event) => {
	const { code, assignment } = await assignmentFor(event);
	const now = new Date();
	const entry = getQuiz(assignment.quizSlug);
	if (!entry) error(410, 'The quiz for this assignment is no longer on this site. Tell your teacher.');
	const about = {
		code,
		title: assignment.title,
		mode: assignment.mode,
		questions: entry.quiz.questions.length,
		minutes: estimateMinutes(entry.quiz),
		outlet: entry.quiz.article.outlet
	};

	const token = readAttemptCookie(event.cookies, code);
	if (token) {
		try {
			const state = await attemptState(await getDb(), token, now, getQuiz);
			if (!state.finished) return { ...about, view: 'attempt' as const, state };
			clearAttemptCookie(event, code);
			return { ...about, view: 'ended' as const, name: state.displayName };
		} catch (e) {
			if (!isAssignmentError(e, 'attempt-not-found')) throw e;
			clearAttemptCookie(event, code);
		}
	}
	const status = assignmentStatus(assignment, now);
	if (status === 'closed') return { ...about, view: 'closed' as const };
	if (status === 'scheduled') return { ...about, view: 'scheduled' as const, opensAt: assignment.opensAt };
	return { ...about, view: 'join' as const, nameChars: NAME_CHARS };
};

export const actions: Actions = {
	join: async (event) => {
		if (!allowRequest(event, 'join')) return fail(429, { displayName: '', error: TOO_MANY });
		const { code } = await assignmentFor(event);
		const form = await event.request.formData();
		const typed = String(form.get('displayName') ?? '');
		const name = DisplayNameSchema.safeParse(typed);
		if (!name.success) return fail(400, { displayName: typed, error: name.error.issues[0]?.message ?? 'Type your name' });
		try {
			const started = await startAttempt(await getDb(), code, name.data, new Date(), { getQuiz });
			setAttemptCookie(event, code, started.resumeToken);
		} catch (e) {
			if (isAssignmentError(e)) return fail(e.status, { displayName: typed, error: e.message });
			throw e;
		}
		redirect(303, `/a/${code}`);
	},
	/** "Not you?": this browser forgets the attempt; the answers stay with the teacher. */
	leave: async (event) => {
		const code = normalizeCode(event.params.code) ?? event.params.code;
		clearAttemptCookie(event, code);
		redirect(303, `/a/${code}`);
	}
};
