/** Facts about a quiz shown before it starts, and its version stamp. */
import type { PublicQuiz } from './public.ts';
import { wordCount } from './text.ts';

const READING_WPM = 180;
const SECONDS_PER_QUESTION = 30;

/** About how long a student needs: reading the article, then each question. */
export function estimateMinutes(quiz: Pick<PublicQuiz, 'article' | 'questions'>): number {
	const words = quiz.article.paragraphs.reduce((n, p) => n + wordCount(p), 0);
	const seconds = (words / READING_WPM) * 60 + quiz.questions.length * SECONDS_PER_QUESTION;
	return Math.max(1, Math.round(seconds / 60));
}

/**
 * A short stamp that changes whenever the quiz's content changes, so saved
 * progress from an older version is recognised. cyrb53: fast, pure, no crypto
 * needed since it guards against accident, not attack.
 */
export function versionOf(content: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < content.length; i++) {
		const ch = content.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
