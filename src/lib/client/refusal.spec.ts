import { describe, expect, it } from 'vitest';
import { refusalMessage } from './refusal.ts';

describe('refusalMessage', () => {
	it('leaves outcomes the page shows itself to the page', () => {
		expect(refusalMessage({ type: 'success', status: 200 })).toBeNull();
		expect(refusalMessage({ type: 'redirect', status: 303, location: '/manage/x' })).toBeNull();
		expect(refusalMessage({ type: 'failure', status: 400, data: { errors: { title: 'Too long' } } })).toBeNull();
	});

	it("gives the server's words for an error, and plain ones for a dropped connection", () => {
		expect(refusalMessage({ type: 'error', status: 500, error: { message: 'Please try again in a moment.' } })).toBe(
			'Please try again in a moment.'
		);
		expect(refusalMessage({ type: 'error', error: new TypeError('Failed to fetch') })).toMatch(/could not be reached/);
	});

	it('explains a response that is not an action result, such as the origin check', () => {
		expect(refusalMessage({ message: 'Cross-site POST form submissions are forbidden' })).toBe(
			'Cross-site POST form submissions are forbidden'
		);
		expect(refusalMessage({})).toMatch(/refused this form/);
	});
});
