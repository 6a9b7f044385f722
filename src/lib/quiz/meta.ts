/** Facts about a quiz shown before it starts, and its version stamp. */
import type { Question, Quiz } from './schema.ts';
import { wordCount } from './text.ts';

/*
 * Reading speeds of a 13-year-old. A typical reader of that age reads plain
 * text silently at about 200 words a minute (US grade 7-8 norms); the quiz
 * asks for slower, closer reading than that:
 * - the article, read closely once, and each question's prompt, quote and
 *   options, where single words decide the answer: 150 words a minute;
 * - the feedback, plain explanatory prose read once: 180 words a minute;
 * - and a few seconds per question to decide, mark words or move claims.
 */
const CLOSE_WPM = 150;
const FEEDBACK_WPM = 180;
const SECONDS_TO_ANSWER = 15;
/** The prompt a classify or cue question shows when it has none of its own. */
const DEFAULT_PROMPT_WORDS = 10;

function questionWords(q: Question): number {
	const prompt = q.prompt === undefined ? DEFAULT_PROMPT_WORDS : wordCount(q.prompt);
	switch (q.type) {
		case 'classify':
		case 'cue':
			return prompt + wordCount(q.quote);
		case 'choice':
			return prompt + wordCount(q.quote ?? '') + q.options.reduce((n, o) => n + wordCount(o.text), 0);
		case 'order':
			return prompt + q.items.reduce((n, i) => n + wordCount(i.quote), 0);
	}
}

/** What every student reads after answering: the explanation, and for an order question each claim's. */
function feedbackWords(q: Question): number {
	const own = q.type === 'order' ? q.items.reduce((n, i) => n + wordCount(i.explanation), 0) : 0;
	return wordCount(q.explanation) + own;
}

/** About how long a student needs: reading the article, answering each question and reading its feedback. */
export function estimateMinutes(quiz: Pick<Quiz, 'article' | 'questions' | 'categories'>): number {
	const article = quiz.article.paragraphs.reduce((n, p) => n + wordCount(p), 0);
	// The labels' definitions are read once, the first time a classify question shows them.
	const labels = quiz.questions.some((q) => q.type === 'classify')
		? quiz.categories.reduce((n, c) => n + wordCount(`${c.label} ${c.definition}`), 0)
		: 0;
	const close = article + labels + quiz.questions.reduce((n, q) => n + questionWords(q), 0);
	const feedback = quiz.questions.reduce((n, q) => n + feedbackWords(q), 0);
	const seconds = (close / CLOSE_WPM) * 60 + (feedback / FEEDBACK_WPM) * 60 + quiz.questions.length * SECONDS_TO_ANSWER;
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
