import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '$lib/quiz/categories.ts';
import { categoryKeys, keyAction } from './keys.ts';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	...modifiers
});

describe('keyAction', () => {
	it('chooses a label by its number or its letter, from anywhere in the claim', () => {
		for (const onClaim of [true, false]) {
			expect(keyAction(press('1'), onClaim, DEFAULT_CATEGORIES)).toEqual({ type: 'choose', category: 'fact' });
			expect(keyAction(press('A'), onClaim, DEFAULT_CATEGORIES)).toEqual({ type: 'choose', category: 'anonymous' });
			expect(keyAction(press('n'), onClaim, DEFAULT_CATEGORIES)).toEqual({ type: 'choose', category: 'non-answer' });
		}
		expect(keyAction(press('4'), true, DEFAULT_CATEGORIES)).toBeNull();
	});

	it('moves with j and k anywhere, and with the arrows, Home and End only on the claim itself', () => {
		expect(keyAction(press('j'), false, DEFAULT_CATEGORIES)).toEqual({ type: 'move', to: 'next' });
		expect(keyAction(press('K'), false, DEFAULT_CATEGORIES)).toEqual({ type: 'move', to: 'previous' });
		expect(keyAction(press('ArrowDown'), true, DEFAULT_CATEGORIES)).toEqual({ type: 'move', to: 'next' });
		expect(keyAction(press('End'), true, DEFAULT_CATEGORIES)).toEqual({ type: 'move', to: 'last' });
		// A radio group moves its own choice with the arrows.
		expect(keyAction(press('ArrowDown'), false, DEFAULT_CATEGORIES)).toBeNull();
	});

	it('accepts with Enter or Space on the claim, leaving them to a focused control', () => {
		expect(keyAction(press('Enter'), true, DEFAULT_CATEGORIES)).toEqual({ type: 'accept' });
		expect(keyAction(press(' '), true, DEFAULT_CATEGORIES)).toEqual({ type: 'accept' });
		expect(keyAction(press(' '), false, DEFAULT_CATEGORIES)).toBeNull();
		expect(keyAction(press('Enter'), false, DEFAULT_CATEGORIES)).toBeNull();
	});

	it('drops or restores with x, and leaves browser shortcuts alone', () => {
		expect(keyAction(press('x'), false, DEFAULT_CATEGORIES)).toEqual({ type: 'include' });
		expect(keyAction(press('1', { ctrlKey: true }), true, DEFAULT_CATEGORIES)).toBeNull();
		expect(keyAction(press('j', { metaKey: true }), true, DEFAULT_CATEGORIES)).toBeNull();
	});
});

describe('categoryKeys', () => {
	it('gives a letter only where it is unambiguous', () => {
		expect(categoryKeys(DEFAULT_CATEGORIES)).toEqual([
			{ digit: '1', letter: 'f' },
			{ digit: '2', letter: 'a' },
			{ digit: '3', letter: 'n' }
		]);
		expect(categoryKeys([{ id: 'named' }, { id: 'nameless' }, { id: 'judgement' }, { id: 'other' }])).toEqual([
			{ digit: '1', letter: null },
			{ digit: '2', letter: null },
			{ digit: '3', letter: null },
			{ digit: '4', letter: 'o' }
		]);
	});
});
