import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SaveStatus, { type SaveStatusProps } from './SaveStatus.svelte';

const text = (props: SaveStatusProps) => render(SaveStatus, { props }).body.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

describe('what the student reads of their answers on the way', () => {
	it('a dropped connection: offline, and the answers kept in this browser', () => {
		expect(text({ pending: 2, online: false, busy: false, refusal: null })).toBe(
			'You are offline. 2 answers saved in this browser will be sent when the connection returns.'
		);
	});

	it('a busy server: not "offline", since the network is fine and nothing is for the student to fix', () => {
		expect(text({ pending: 1, online: true, busy: true, refusal: null })).toBe('The server is busy. 1 answer saved in this browser will be sent in a moment.');
	});
});
