import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tabStorage } from '../../test-support/tab-storage.ts';
import { forgetForm, keepForm, keptForm, type FormFields } from './kept-form.ts';

const fresh: FormFields = { quizSlug: undefined, title: '', mode: 'practice', order: 'fixed', attemptsAllowed: '1', opensAt: '', closesAt: '' };
const typed: FormFields = { quizSlug: 'westfield', title: 'Period 3', mode: 'test', order: 'shuffled', attemptsAllowed: '3', opensAt: '2030-12-04T09:00', closesAt: '' };

describe('the new-assignment form kept in the tab', () => {
	beforeEach(() => vi.stubGlobal('sessionStorage', tabStorage()));
	afterEach(() => vi.unstubAllGlobals());

	it('comes back as the teacher left it, the number of attempts included (a number field holds a number)', () => {
		keepForm({ ...typed, attemptsAllowed: 3 as unknown as string });
		expect(keptForm(fresh, ['eastfield', 'westfield'])).toEqual(typed);
	});

	it('keeps the fresh value of a field whose kept one no longer fits: a quiz gone from the site, a mode unknown', () => {
		keepForm({ ...typed, mode: 'exam' });
		expect(keptForm(fresh, ['eastfield'])).toEqual({ ...typed, quizSlug: undefined, mode: 'practice' });
	});

	it('is gone once the assignment is made, and nothing kept leaves the form as it is', () => {
		keepForm(typed);
		forgetForm();
		expect(keptForm(fresh, ['westfield'])).toBe(fresh);
		sessionStorage.setItem('whosays:new-assignment', 'not json');
		expect(keptForm(fresh, ['westfield'])).toBe(fresh);
	});
});
