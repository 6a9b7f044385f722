import { describe, expect, it } from 'vitest';
import { classLine } from './class-line.ts';

describe('the class in one line', () => {
	it('counts the students who joined but have not answered, so the parts add up to those who joined', () => {
		expect(classLine({ students: 9, finished: 1, retaking: 0, inProgress: 3, notStarted: 5, meanPercent: 40 })).toBe(
			'9 joined · 1 finished · 3 answering · 5 with no answers yet · class average 40%'
		);
	});

	it('leaves out a part no student is in, but for finished and answering', () => {
		expect(classLine({ students: 2, finished: 1, retaking: 1, inProgress: 1, notStarted: 0, meanPercent: 20 })).toBe('2 joined · 1 finished (1 retaking) · 1 answering · class average 20%');
		expect(classLine({ students: 0, finished: 0, retaking: 0, inProgress: 0, notStarted: 0, meanPercent: null })).toBe('0 joined · 0 finished · 0 answering');
	});
});
