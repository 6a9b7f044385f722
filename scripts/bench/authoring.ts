/**
 * Authoring figures: how long the checker takes on a quiz of 1,000 questions
 * (the format's limit) and how long `npm run quiz:check` takes on the shipped
 * quizzes, start to finish. Prints medians; passes and fails nothing.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { QuizInput } from '../../src/lib/quiz/schema.ts';
import { validateQuizData, validateQuizText } from '../../src/lib/quiz/validate.ts';

/** A small deterministic generator, so every run measures the same quiz. */
function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};
}

const NAMES = ['Dana Ortiz', 'Alan Reyes', 'Marcus Bell', 'Priya Shah', 'Tom Okafor', 'Lena Fischer', 'Sam Wu', 'Ruth Adler'];
const ROLES = ['council member', 'school board chair', 'county clerk', 'police chief', 'library director', 'union leader'];
const TOPICS = ['the bridge repair', 'the library budget', 'the new bus route', 'the school merger', 'the water rates', 'the park lease'];
const SOURCES = [
	(r: () => number) => `according to ${2 + Math.floor(r() * 4)} people familiar with the talks`,
	() => 'the minutes of the meeting show',
	() => 'figures published in the annual report show',
	() => 'a person who asked not to be named said',
	(r: () => number) => `${pick(r, NAMES)}, the ${pick(r, ROLES)}, said`,
	() => 'a spokesperson declined to comment'
];

function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)]!;
}

/** One sentence a quiz could ask about, with the words that give its source away. */
function sentence(r: () => number): { text: string; cue: string } {
	const cue = pick(r, SOURCES)(r);
	const claim = `${pick(r, TOPICS)} will cost about $${(10 + Math.floor(r() * 900)).toLocaleString('en')},000 by ${2026 + Math.floor(r() * 5)}`;
	const upper = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
	return r() < 0.5 ? { text: `${upper(claim)}, ${cue}.`, cue } : { text: `${upper(cue)} that ${claim}.`, cue: upper(cue) };
}

/** A realistic article near the size limit, and 1,000 questions whose quotes are in it. */
export function generateQuiz(questions = 1_000): QuizInput {
	const r = random(42);
	const paragraphs: string[] = [];
	const sentences: { text: string; cue: string }[] = [];
	for (let p = 0; p < 150; p++) {
		const inParagraph = [sentence(r), sentence(r), sentence(r)];
		sentences.push(...inParagraph);
		paragraphs.push(inParagraph.map((s) => s.text).join(' '));
	}
	const explanation = (cue: string) =>
		`The cue is “${cue}”. It tells you where the claim comes from and whether a reader could check it. Ask who says so, and how they would know.`;
	const whyNot = 'A student might pick this because the sentence sounds sure of itself. But the words that name the source point elsewhere.';
	const list: QuizInput['questions'] = [];
	for (let i = 0; i < questions; i++) {
		const s = sentences[i % sentences.length]!;
		const id = `q${i + 1}`;
		if (i % 5 === 3)
			list.push({ type: 'cue', id, quote: s.text, cues: [s.cue], explanation: explanation(s.cue), decoys: [{ text: 'cost', whyNot }] });
		else if (i % 5 === 4)
			list.push({
				type: 'choice',
				id,
				prompt: 'Who says so, and how would they know?',
				quote: s.text,
				cues: [s.cue],
				options: [
					{ id: 'named', text: 'A named person, on the record.', whyNot },
					{ id: 'source', text: 'The source the sentence names.' },
					{ id: 'writer', text: 'The writer saw it happen.', whyNot },
					{ id: 'nobody', text: 'Nobody: it is common knowledge.', whyNot }
				],
				answer: 'source',
				explanation: explanation(s.cue)
			});
		else
			list.push({
				type: 'classify',
				id,
				quote: s.text,
				answer: (['fact', 'anonymous', 'non-answer'] as const)[i % 3]!,
				cite: i % 2 === 0,
				cues: [s.cue],
				explanation: explanation(s.cue),
				whyNot: Object.fromEntries(['fact', 'anonymous', 'non-answer'].filter((c) => c !== ['fact', 'anonymous', 'non-answer'][i % 3]).map((c) => [c, whyNot])),
				related: i % 7 === 0 ? [sentences[(i + 1) % sentences.length]!.text] : undefined
			});
	}
	return {
		$schema: '../static/quiz.schema.json',
		format: 1,
		title: 'A generated quiz of 1,000 questions',
		article: { headline: 'Town budget talks', outlet: 'The Bench Gazette', fictional: true, paragraphs },
		questions: list
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(runs: number, fn: () => unknown): number {
	// Warm-up: the first runs also compile and optimise the code.
	for (let i = 0; i < 3; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		times.push(performance.now() - start);
	}
	return median(times);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function benchAuthoring(): Promise<void> {
	const quiz = generateQuiz();
	const text = JSON.stringify(quiz, null, '\t');
	const check = validateQuizText(text);
	if (!check.ok) throw new Error(`the generated quiz should be valid: ${check.problems[0]?.message}`);
	const chars = quiz.article.paragraphs.reduce((n, p) => n + p.length, 0);
	console.log(`generated quiz: ${quiz.questions.length} questions, article of ${chars.toLocaleString('en')} characters, file of ${(text.length / 1e6).toFixed(2)} MB`);

	// 21 runs: on a shared machine one run in a few is slowed by a neighbour or a garbage collection.
	const fromText = time(21, () => validateQuizText(text));
	console.log(`validate from text (parse, schema, cross-checks, positions): median ${ms(fromText)} of 21 runs (target under 100 ms)`);
	const data = JSON.parse(text) as unknown;
	console.log(`validate parsed data (schema and cross-checks only): median ${ms(time(21, () => validateQuizData(data)))} of 21 runs`);

	// The slow path: a quote that is not verbatim is compared with the whole article.
	const broken = structuredClone(quiz);
	for (const q of broken.questions.slice(0, 100)) if (q.type !== 'order' && q.quote) q.quote = q.quote.replace(' ', '  ');
	const brokenText = JSON.stringify(broken, null, '\t');
	console.log(`validate with 100 quotes not verbatim: median ${ms(time(5, () => validateQuizText(brokenText)))} of 5 runs`);

	const cli: number[] = [];
	for (let i = 0; i < 5; i++) {
		const start = performance.now();
		const run = spawnSync('node_modules/.bin/tsx', ['scripts/quiz-check.ts'], { encoding: 'utf8' });
		cli.push(performance.now() - start);
		if (run.status !== 0) throw new Error(`npm run quiz:check failed:\n${run.stdout}`);
	}
	console.log(`quiz:check on the shipped quizzes (tsx start-up included): median ${ms(median(cli))} of 5 runs`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAuthoring();
