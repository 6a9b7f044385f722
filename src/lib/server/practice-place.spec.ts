import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { quiz, SLUG } from '../../test-support/db.ts';
import { createActor, waitFor } from 'xstate';
import { keyGrading } from '../machines/key-grading.ts';
import { encodeProgress, toProgress } from '../machines/progress.ts';
import { cueTokens } from '../quiz/grading.ts';
import type { Answer, Question } from '../quiz/schema.ts';
import { summarize } from '../quiz/summary.ts';
import { ORDER_SEED, practiceInput, practiceOrder, readPlace } from './practice-place.ts';
import { PLACE } from '../client/place.ts';
import { drawOptionOrder, seededPick } from './student-order.ts';

const entry = { slug: SLUG, version: 'v1', quiz, minutes: 5 };
const url = new URL(`http://school.test/quiz/${SLUG}`);

/** A browser's cookie jar as the page's load sees it. */
function jar(start: Record<string, string> = {}) {
	const kept = new Map(Object.entries(start));
	const set: { name: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		get: (name: string) => kept.get(name),
		set: (name: string, value: string, options: Record<string, unknown>) => {
			kept.set(name, value);
			set.push({ name, options });
		}
	} as unknown as Cookies;
	return { cookies, kept, set };
}

describe("open practice's option order", () => {
	it('is drawn once per browser and then the same on every load: the seed is kept, nothing else', () => {
		const browser = jar();
		const first = practiceOrder(entry, browser.cookies, url);
		expect(browser.set).toEqual([{ name: ORDER_SEED, options: expect.objectContaining({ path: '/', httpOnly: true, secure: false }) }]);
		expect(browser.kept.get(ORDER_SEED)).toMatch(/^\d+$/);
		for (let i = 0; i < 3; i++) expect(practiceOrder(entry, browser.cookies, url)).toEqual(first);
		expect(browser.set).toHaveLength(1);
	});

	it('differs between browsers', () => {
		const orders = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(practiceOrder(entry, jar({ [ORDER_SEED]: String(seed) }).cookies, url))));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('draws a new seed for a tampered one instead of failing', () => {
		for (const bad of ['-1', '4294967296', 'abc', '1e3', '']) {
			const browser = jar({ [ORDER_SEED]: bad });
			expect(practiceOrder(entry, browser.cookies, url).denial?.sort()).toEqual(['no', 'yes']);
			expect(browser.kept.get(ORDER_SEED)).not.toBe(bad);
		}
	});

	it('comes from a stream that the same seed always draws the same way', () => {
		expect(drawOptionOrder(quiz, seededPick(42))).toEqual(drawOptionOrder(quiz, seededPick(42)));
		const draws = Array.from({ length: 1000 }, (_, i) => seededPick(i)(4));
		for (const n of [0, 1, 2, 3]) expect(draws.filter((d) => d === n).length).toBeGreaterThan(180);
	});
});

function rightAnswer(q: Question): Answer {
	if (q.type === 'classify') return { type: 'classify', category: q.answer, marked: q.cite ? cueTokens(q.quote, q.cues) : [] };
	if (q.type === 'choice') return { type: 'choice', option: q.answer };
	if (q.type === 'order') return { type: 'order', order: q.items.map((item) => item.id) };
	return { type: 'cue', marked: cueTokens(q.quote, q.cues) };
}

function wrongAnswer(q: Question): Answer {
	if (q.type !== 'classify') throw new Error('the sample quiz is expected to ask a classify question first');
	return { type: 'classify', category: quiz.categories.find((c) => c.id !== q.answer)!.id };
}

describe("open practice's place", () => {
	it('keeps the verdicts of a test run through a reload in its retry, so the new results count both rounds', async () => {
		// Test mode, every question right but the first; the results are shown, then the student retries the one missed.
		const ids = practiceInput(entry).questionIds;
		const actor = createActor(keyGrading(quiz), { input: practiceInput(entry) }).start();
		actor.send({ type: 'quiz.start', mode: 'test' });
		for (const [i, q] of quiz.questions.entries()) {
			actor.send({ type: 'answer.change', answer: i === 0 ? wrongAnswer(q) : rightAnswer(q) });
			actor.send({ type: 'answer.submit' });
			await waitFor(actor, (s) => !s.hasTag('busy'));
		}
		const before = summarize(quiz, actor.getSnapshot().context.results).correct;
		actor.send({ type: 'quiz.retryMissed' });
		expect(actor.getSnapshot().context.round).toEqual([ids[0]]);

		// A reload in the retry: the page is rendered from the cookie the browser kept.
		const kept = encodeProgress(toProgress(actor.getSnapshot()), ids, entry.version);
		const place = readPlace(entry, jar({ [PLACE]: kept }).cookies);
		const resumed = createActor(keyGrading(quiz), { input: practiceInput(entry), snapshot: place.snapshot }).start();
		resumed.send({ type: 'answer.change', answer: rightAnswer(quiz.questions[0]!) });
		resumed.send({ type: 'answer.submit' });
		const end = await waitFor(resumed, (s) => s.matches('summary'));
		expect(summarize(quiz, end.context.results).correct).toBe(before + 1);
	});
});
