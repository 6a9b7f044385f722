/**
 * The quiz machine for an assignment: the server grades. Answers go through
 * the outbox, so in test mode the student moves on at once, even offline; in
 * practice mode the feedback waits for the server, with the answer kept safe,
 * and a failed send says so at once.
 */
import { fromPromise } from 'xstate';
import {
	quizMachine,
	type FinishInput,
	type FinishOutput,
	type GradeInput,
	type GradeOutput
} from '../machines/quiz.machine.ts';
import type { Outbox } from './outbox.svelte.ts';

export interface ServerGradingOptions {
	outbox: Outbox;
	/** Where finishing is POSTed. */
	finishUrl: string;
	/** Called once the server has the finished attempt: time to forget it in this browser. */
	onFinished: () => void;
	fetch?: typeof fetch;
}

export function serverGrading({ outbox, finishUrl, onFinished, fetch: doFetch = fetch }: ServerGradingOptions) {
	return quizMachine.provide({
		actors: {
			grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) => {
				if (input.mode === 'test') {
					// Stored in this browser already; the server gets it when it can.
					outbox.send(input.questionId, input.answer).catch(() => undefined);
					return null;
				}
				// Feedback needs the server: with no connection the student hears so at once. The answer stays
				// queued and goes when the connection returns; its verdict then shows by itself, since the server
				// keeps the first answer it gets in practice. A second Check before then replaces it. (Listening
				// before sending, so a send that fails at once is heard too.)
				const sent = outbox.send(input.questionId, input.answer);
				const offline = outbox.failedSend().then(() => {
					sent.then(
						(later) => later.status === 'graded' && input.gradedLater(later.graded),
						() => undefined
					);
					throw new Error('No connection to check the answer');
				});
				const result = await Promise.race([sent, offline]);
				return result.status === 'graded' ? result.graded : null;
			}),
			finish: fromPromise<FinishOutput, FinishInput>(async ({ input }) => {
				await outbox.drained();
				// The verdicts shown already (practice mode) are the server's own: the reply need not carry them again.
				const body = JSON.stringify({ attempt: outbox.attempt, shown: Object.keys(input.results) });
				const response = await doFetch(finishUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
				if (!response.ok) {
					// A class deleted, an attempt moved to another device or left in this browser, since the last answer: trying again cannot help.
					const refused = (await response.json().catch(() => ({}))) as { message?: string };
					outbox.end(response.status, refused.message ?? 'The server did not accept the finished attempt.');
					throw new Error(`Finishing failed with status ${response.status}`);
				}
				const finished = (await response.json()) as { results: FinishOutput };
				onFinished();
				return finished.results;
			})
		}
	});
}
