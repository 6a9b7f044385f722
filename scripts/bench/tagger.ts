/**
 * The attribution tagger, measured: agreement with the labelled set and the
 * time it takes to tag the first article.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CATEGORIES } from '../../src/lib/quiz/categories.ts';
import { evaluate, formatReport } from '../../src/lib/tagger/accuracy.ts';
import { CORPUS } from '../../src/lib/tagger/corpus/index.ts';
import { sessionsOfferedToResign } from '../../src/lib/tagger/corpus/sessions-offered-to-resign.ts';
import { en } from '../../src/lib/tagger/lexicon/en.ts';
import { tagArticle } from '../../src/lib/tagger/tagger.ts';

const RUNS = 20;

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchTagger(): Promise<void> {
	const categoryIds = DEFAULT_CATEGORIES.map((c) => c.id);
	// A copy of the lexicon, so the first run pays for compiling its patterns as a page would.
	const fresh = { ...en };
	const text = sessionsOfferedToResign.text;
	let started = performance.now();
	const { claims } = tagArticle(text, fresh);
	const first = performance.now() - started;
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		started = performance.now();
		tagArticle(text, fresh);
		times.push(performance.now() - started);
	}

	const { report, articles } = evaluate(CORPUS, (t) => tagArticle(t), categoryIds);
	console.log('Agreement with the labelled set (claims = the tagger’s claims, asides included):');
	console.log(formatReport(report, articles));
	console.log(
		`\nTagging ${sessionsOfferedToResign.id} (${text.length} characters, ${claims.length} claims): ` +
			`median ${median(times).toFixed(2)} ms over ${RUNS} runs; first run, compiling the lexicon, ${first.toFixed(1)} ms`
	);
}
