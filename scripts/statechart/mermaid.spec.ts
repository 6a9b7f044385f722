import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizMachine } from '../../src/lib/machines/quiz.machine.ts';
import { toMermaid } from './mermaid.ts';

describe('statechart in the docs', () => {
	it('matches the quiz machine (regenerate with npm run docs:statechart)', () => {
		const doc = readFileSync('docs/statechart.md', 'utf8');
		const block = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1];
		expect(block).toBe(toMermaid(quizMachine));
	});

	it('draws every state and every transition of the machine', () => {
		const chart = toMermaid(quizMachine);
		for (const state of ['intro', 'answering', 'checking', 'feedback', 'summary', 'review', 'finishing_saving', 'finishing_waiting'])
			expect(chart).toContain(state);
		expect(chart).toContain('checking --> feedback : done: grade [isPractice]');
		expect(chart).toContain('from any state: quiz.restart [canRepeat]');
	});
});
