/**
 * Open practice's place: kept in a cookie on the quiz's own address, read
 * here to render the page at the student's step, and written after each form
 * a student without scripts sends. The verdicts are computed afresh from the
 * answers: the server holds the key, the cookie never does.
 */
import type { Cookies } from '@sveltejs/kit';
import { gradeAnswer, keyGrading } from '../machines/key-grading.ts';
import { decodeProgress, encodeProgress, fromProgress, toProgress, type Progress } from '../machines/progress.ts';
import { getInitialSnapshot } from 'xstate';
import type { QuizMachineInput, QuizSnapshot } from '../machines/quiz.machine.ts';
import type { Graded } from '../quiz/grading.ts';
import type { QuizEntry } from './quiz-files.ts';
import { PLACE, practicePlace } from '../client/place.ts';
import { randomInt } from 'node:crypto';
import { secureFor } from './cookies.ts';
import { drawOptionOrder, seededPick, type OptionOrder } from './student-order.ts';

export function practiceInput(entry: QuizEntry): QuizMachineInput {
	return { questionIds: entry.quiz.questions.map((q) => q.id) };
}

/**
 * Verdicts the student may see at this place: every answer in practice mode, all at the end in test mode,
 * and in a retry round those of the questions it does not ask again, which the results have already shown.
 */
export function visibleResults(entry: QuizEntry, progress: Progress): Record<string, Graded> {
	const atEnd = progress.mode === 'practice' || progress.step === 'summary' || progress.step === 'review';
	const shown = (id: string) => atEnd || (progress.roundNumber > 1 && !progress.round.includes(id));
	const results: Record<string, Graded> = {};
	for (const [id, answer] of Object.entries(progress.answers)) {
		if (!shown(id)) continue;
		try {
			results[id] = gradeAnswer(entry.quiz, id, answer);
		} catch {
			// An answer that no longer fits the question is simply not shown.
		}
	}
	return results;
}

export interface PracticePlace {
	progress: Progress;
	results: Record<string, Graded>;
	snapshot: QuizSnapshot;
	/** Why a kept place was not used. */
	notice: 'changed' | 'unreadable' | null;
}

/** Where this browser is in the quiz, from its cookie; the start when it has none that fits. */
export function readPlace(entry: QuizEntry, cookies: Cookies): PracticePlace {
	const input = practiceInput(entry);
	const text = cookies.get(PLACE);
	const decoded = text ? decodeProgress(text, input.questionIds, entry.version) : null;
	if (decoded && 'progress' in decoded) {
		const results = visibleResults(entry, decoded.progress);
		const snapshot = fromProgress(input, decoded.progress, results, keyGrading(entry.quiz));
		if (snapshot) return { progress: decoded.progress, results, snapshot, notice: null };
	}
	const snapshot = getInitialSnapshot(keyGrading(entry.quiz), input);
	return { progress: toProgress(snapshot), results: {}, snapshot, notice: decoded ? ('problem' in decoded ? decoded.problem : 'unreadable') : null };
}

export function keepPlace(entry: QuizEntry, cookies: Cookies, url: URL, progress: Progress): void {
	const { path, maxAge } = practicePlace(entry.slug);
	// Not HttpOnly: the page writes the same cookie after each step when its script runs.
	cookies.set(PLACE, encodeProgress(progress, practiceInput(entry).questionIds, entry.version), { path, maxAge, httpOnly: false, sameSite: 'lax', secure: secureFor(url) });
}

/** The browser's seed for open practice's option orders: a number, nothing else, on every quiz's address. */
export const ORDER_SEED = 'whosays_order';
const YEAR_S = 365 * 24 * 3600;

/**
 * The order this browser sees each choice question's options in, in open
 * practice: drawn from a seed kept in a cookie, so a reload, the feedback and
 * the review show one order and neighbours' screens show different ones,
 * while the server stores nothing. A missing or tampered seed is drawn anew.
 */
export function practiceOrder(entry: QuizEntry, cookies: Cookies, url: URL): OptionOrder {
	const kept = cookies.get(ORDER_SEED);
	let seed = kept && /^\d{1,10}$/.test(kept) ? Number(kept) : NaN;
	if (!(seed < 2 ** 32)) {
		seed = randomInt(2 ** 32);
		cookies.set(ORDER_SEED, String(seed), { path: '/', maxAge: YEAR_S, httpOnly: true, sameSite: 'lax', secure: secureFor(url) });
	}
	// Mixed with the quiz's address, so two quizzes do not share one pattern.
	let mixed = seed;
	for (const c of entry.slug) mixed = Math.imul(mixed ^ c.charCodeAt(0), 0x01000193) >>> 0;
	return drawOptionOrder(entry.quiz, seededPick(mixed));
}
