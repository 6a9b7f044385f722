/** Which parts of the article light up for the question on screen. */
import type { Graded } from '../../quiz/grading.ts';
import { locate, spansOf, type Location } from '../../quiz/text.ts';

export type Mark = 'claim' | 'cue' | 'related';
export type Highlight = Location & { mark: Mark };

export function highlightsFor(
	paragraphs: readonly string[],
	quote: string | undefined,
	result: Graded | null
): Highlight[] {
	const out: Highlight[] = [];
	const at = quote ? locate(paragraphs, quote) : null;
	if (at) out.push({ ...at, mark: 'claim' });
	if (!result) return out;
	if (at && quote) {
		for (const span of spansOf(quote, result.cues)) {
			if (span) out.push({ paragraph: at.paragraph, start: at.start + span.start, end: at.start + span.end, mark: 'cue' });
		}
	}
	for (const passage of result.related) {
		const where = locate(paragraphs, passage);
		if (where) out.push({ ...where, mark: 'related' });
	}
	return out;
}
