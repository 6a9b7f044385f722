/**
 * Texts the draft assistant left for the author to write. A quiz that still
 * holds one is refused: students would read "TODO: outlet" on screen.
 */
import { TODO } from '../placeholder.ts';
import { formatPath, idList, problemAt, type Found, type Key } from './problem.ts';
import { valueAt } from './zod-issues.ts';

/** Every text an author writes that still holds the draft assistant's placeholder, in file order. */
function placeholders(data: unknown): { keys: Key[]; at: number }[] {
	const raw = valueAt(data, ['article', 'paragraphs']);
	const paragraphs = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : [];
	const out: { keys: Key[]; at: number }[] = [];
	const walk = (value: unknown, keys: Key[]) => {
		// Deeper than any quiz field: the schema reports what is there.
		if (keys.length > 8) return;
		if (typeof value === 'string') {
			const at = value.indexOf(TODO);
			// The article, and passages copied from it, are the publisher's words, not the draft's.
			if (at >= 0 && !paragraphs.some((p) => p.includes(value))) out.push({ keys, at });
		} else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...keys, i]));
		else if (value !== null && typeof value === 'object')
			for (const [k, v] of Object.entries(value)) if (!(keys.length === 1 && keys[0] === 'article' && k === 'paragraphs')) walk(v, [...keys, k]);
	};
	walk(data, []);
	return out;
}

/** The message of that problem, for a draft's own check that it is valid but for the texts left to write. */
export const UNWRITTEN = /^The quiz still holds (?:a|\d+) "TODO:" placeholders? from the draft$/;

/**
 * One problem naming every placeholder left, standing on the first. Read from
 * the file as written, so it is listed beside any other problem the file has.
 */
export function unwritten(data: unknown): Found[] {
	const found = placeholders(data);
	const first = found[0];
	if (!first) return [];
	const idOf = (i: Key) => {
		const id = valueAt(data, ['questions', i, 'id']);
		return typeof id === 'string' ? id : formatPath(['questions', i]);
	};
	const questionIds = [...new Set(found.filter((f) => f.keys[0] === 'questions' && f.keys.length > 2).map((f) => idOf(f.keys[1]!)))];
	const elsewhere = [...new Set(found.filter((f) => !(f.keys[0] === 'questions' && f.keys.length > 2)).map((f) => formatPath(f.keys)))];
	const where = [...elsewhere, ...(questionIds.length ? [`question${questionIds.length === 1 ? '' : 's'} ${idList(questionIds)}`] : [])];
	return [
		problemAt('error', first.keys, `The quiz still holds ${found.length === 1 ? 'a' : found.length} "${TODO}" placeholder${found.length === 1 ? '' : 's'} from the draft`, {
			found: `"${TODO}" in ${where.join(' and in ')}`,
			expected: 'texts written for students',
			hint: `students would read "${TODO}" on screen; write each of these texts, checking the label it explains, then check again`,
			at: first.at
		})
	];
}
