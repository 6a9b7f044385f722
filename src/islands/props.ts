/**
 * Student pages run without SvelteKit's client router, to stay inside the
 * 45 KiB script budget on a school Chromebook: the server renders the page,
 * and a small standalone bundle ("island") hydrates the quiz player in place.
 * The server and the island agree on these element ids and props.
 */
import type { Quiz } from '../lib/quiz/schema.ts';

export const ISLAND_ID = 'quiz-island';

export interface PracticeIslandProps {
	slug: string;
	version: string;
	minutes: number;
	quiz: Quiz;
}

/** An assignment in progress, as the server knows it: no answer key, only verdicts already earned. */
export interface AssignmentIslandProps {
	code: string;
	minutes: number;
	outlet: string;
	state: {
		attemptId: string;
		assignment: { mode: 'practice' | 'test' };
		quiz: import('../lib/quiz/public.ts').PublicQuiz;
		order: string[];
		answers: Record<string, import('../lib/quiz/schema.ts').Answer>;
		feedback: Record<string, import('../lib/quiz/grading.ts').Graded>;
		finished: boolean;
		nextSeq: number;
	};
}
