import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { quiz, SLUG } from '../../test-support/db.ts';
import { ORDER_SEED, practiceOrder } from './practice-place.ts';
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
