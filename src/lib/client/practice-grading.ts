/**
 * The quiz machine for open practice: the server grades each answer (the page
 * never holds the answer key) and stores nothing. Without a connection, or
 * when the server refuses, the answer stays on screen with the reason, and the
 * student checks it again.
 */
import { fromPromise } from 'xstate';
import type { Graded } from '../quiz/grading.ts';
import { quizMachine, Refused, type FinishInput, type FinishOutput, type GradeInput, type GradeOutput } from '../machines/quiz.machine.ts';

/**
 * POSTs JSON and returns the JSON answer. A refusal becomes `Refused`, in the
 * server's words where it gave some (`{ message }`), so the student reads why
 * and not "no connection"; a dropped connection rejects as fetch does.
 */
async function post<T>(url: string, body: unknown, doFetch: typeof fetch): Promise<T> {
	const response = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (!response.ok) {
		const said = (await response.json().catch(() => null)) as { message?: unknown } | null;
		const message = typeof said?.message === 'string' && said.message ? said.message : `The server could not do this just now (error ${response.status}).`;
		throw new Refused(message);
	}
	return (await response.json()) as T;
}

export function practiceGrading(slug: string, doFetch: typeof fetch = fetch) {
	return quizMachine.provide({
		actors: {
			// Test mode reveals nothing until the end.
			grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) =>
				input.mode === 'test'
					? null
					: (await post<{ graded: Graded }>(`/quiz/${slug}/check`, { questionId: input.questionId, answer: input.answer }, doFetch)).graded
			),
			finish: fromPromise<FinishOutput, FinishInput>(async ({ input }) => {
				const ungraded = Object.fromEntries(input.round.filter((id) => input.answers[id] && !input.results[id]).map((id) => [id, input.answers[id]!]));
				if (Object.keys(ungraded).length === 0) return {};
				return (await post<{ results: FinishOutput }>(`/quiz/${slug}/results`, { answers: ungraded }, doFetch)).results;
			})
		}
	});
}
