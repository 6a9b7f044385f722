/**
 * Open practice, graded on the server: the page holds the quiz without its
 * key, and each answer's verdict comes back only once it is given. Nothing
 * about the student is stored.
 *
 * While a browser is taking a test on a quiz (an assignment in test mode), its
 * practice of that same quiz is closed, so a second tab cannot be used to look
 * up the answers: joining sets a cookie that only that quiz's practice pages
 * receive, and finishing or leaving the test clears it.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { gradeIn, type Graded } from '../quiz/grading.ts';
import type { Answer, Quiz } from '../quiz/schema.ts';
import { assignmentStatus, findAssignmentByCode } from './assignments.ts';
import { secureFor } from './cookies.ts';
import { getDb } from './db/index.ts';
import { findQuiz } from './catalogue.ts';
import { AssignmentError } from './errors.ts';
import { problem, tooMany } from './http.ts';
import { limits } from './limits.ts';
import type { QuizEntry } from './quiz-files.ts';

/** The verdict on one practice answer; refused when the answer does not fit the question. */
export function checkPractice(quiz: Quiz, questionId: string, answer: Answer): Graded {
	const checked = gradeIn(quiz, questionId, answer);
	if (!checked.ok) throw new AssignmentError(checked.kind, checked.message);
	return checked.graded;
}

/** Verdicts on a whole set of practice answers, at the end of a practice test. */
export function gradePractice(quiz: Quiz, answers: Record<string, Answer>): Record<string, Graded> {
	return Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, checkPractice(quiz, id, answer)]));
}

const TESTING = 'whosays_testing';

const testingOptions = (url: URL, slug: string) =>
	({ path: `/quiz/${slug}`, httpOnly: true, sameSite: 'lax', secure: secureFor(url) }) as const;

/** Closes practice of this quiz in this browser while its test (class `code`) is under way. */
export function closePracticeDuringTest(event: Pick<RequestEvent, 'cookies' | 'url'>, slug: string, code: string): void {
	event.cookies.set(TESTING, code, { ...testingOptions(event.url, slug), maxAge: 24 * 60 * 60 });
}

export function reopenPractice(event: Pick<RequestEvent, 'cookies' | 'url'>, slug: string): void {
	event.cookies.delete(TESTING, testingOptions(event.url, slug));
}

export const TEST_UNDER_WAY = 'You are taking a test on this quiz. Its practice opens again in this browser when you finish the test.';

/** The class code of a test on this quiz under way in this browser, or null (a closed or deleted class clears it). */
export async function testUnderWay(event: Pick<RequestEvent, 'url'> & { cookies: Cookies }, slug: string): Promise<string | null> {
	const code = event.cookies.get(TESTING);
	if (!code) return null;
	const assignment = await findAssignmentByCode(await getDb(), code);
	if (assignment?.mode === 'test' && assignment.quizSlug === slug && assignmentStatus(assignment, new Date()) !== 'closed') return assignment.code;
	reopenPractice(event, slug);
	return null;
}

/**
 * The quiz an open-practice request is about, once it passes the network's
 * allowance and no test on this quiz is under way in this browser; otherwise
 * the response to send.
 */
export async function practiceRequest(
	event: Pick<RequestEvent, 'url' | 'getClientAddress'> & { cookies: Cookies; params: { slug: string } }
): Promise<{ ok: true; entry: QuizEntry } | { ok: false; response: Response }> {
	const entry = findQuiz(event.params.slug);
	if (!entry) return { ok: false, response: problem(404, 'There is no quiz at this address.') };
	const refused = limits.take('practice', event.getClientAddress());
	if (refused) return { ok: false, response: tooMany(refused) };
	if (await testUnderWay(event, entry.slug)) return { ok: false, response: problem(403, TEST_UNDER_WAY) };
	return { ok: true, entry };
}
