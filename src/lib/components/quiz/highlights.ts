/** Which parts of the article light up for the question on screen. */
import type { Graded } from '../../quiz/grading.ts';
import { locate, spansOf, type Location } from '../../quiz/text.ts';

export type Mark = 'claim' | 'cue' | 'related';
export type Highlight = Location & { mark: Mark };

/** The question's claims (one, or an order question's several), then its cues and related passages once answered. */
export function highlightsFor(paragraphs: readonly string[], quotes: readonly string[], result: Graded | null): Highlight[] {
	const out: Highlight[] = [];
	for (const quote of quotes) {
		const at = locate(paragraphs, quote);
		if (!at) continue;
		out.push({ ...at, mark: 'claim' });
		if (!result) continue;
		for (const span of spansOf(quote, result.cues)) {
			if (span) out.push({ paragraph: at.paragraph, start: at.start + span.start, end: at.start + span.end, mark: 'cue' });
		}
	}
	if (!result) return out;
	for (const passage of result.related) {
		const where = locate(paragraphs, passage);
		if (where) out.push({ ...where, mark: 'related' });
	}
	return out;
}
