/**
 * The attribution tagger: article text in, claims out, each with a suggested
 * category, the cue that suggests it and how sure the suggestion is.
 */
import { splitClaims, type ClaimSpan } from './clauses.ts';
import { findCues, type CueMatch } from './cues.ts';
import { en } from './lexicon/en.ts';
import type { Lexicon } from './lexicon/types.ts';
import { splitParagraphs, splitSentences } from './sentences.ts';
import type { Claim, ClaimRule, Passage, Tagging } from './types.ts';

/** How much a sentence-framing attribution counts in the claims around it. */
const FRAME_SHARE = 0.5;
/** How many earlier claims a private thought may continue the reported account of. */
const CONTINUATION_REACH = 3;
const CONTINUATION_BONUS = 0.15;
const UNATTRIBUTED_CONFIDENCE = 0.3;
/** A dependent clause with no cue of its own shares its main clause's source, a little less surely. */
const DEPENDENT_SHARE = 0.8;

interface Evidence {
	cue: CueMatch;
	weight: number;
}

const contains = (outer: { start: number; end: number }, inner: { start: number; end: number }) =>
	outer.start <= inner.start && inner.end <= outer.end;
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
	Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** The claim a cue belongs to: the aside it sits in, else the clause that holds most of it. */
function homeOf(cue: CueMatch, spans: readonly ClaimSpan[]): number {
	const aside = spans.findIndex((s) => s.kind === 'aside' && contains(s, cue));
	if (aside >= 0) return aside;
	let best = -1;
	let most = 0;
	spans.forEach((s, i) => {
		const o = s.kind === 'clause' ? overlap(s, cue) : 0;
		if (o > most) [best, most] = [i, o];
	});
	return best;
}

/**
 * Which cues count for which claim. A cue counts fully in its own claim. An
 * attribution that opens the sentence ("According to X, …", "X said …") also
 * counts, at a share, for the sentence's other claims; one that closes it
 * ("…, the stories report.") belongs to the whole sentence, so it counts at a
 * share everywhere, and a public act named in its own clause can outweigh it.
 */
function weigh(spans: readonly ClaimSpan[], cues: readonly CueMatch[], sentence: string): Evidence[][] {
	const evidence: Evidence[][] = spans.map(() => []);
	const clauses = spans.flatMap((s, i) => (s.kind === 'clause' ? [i] : []));
	const first = clauses[0];
	const last = clauses.at(-1);
	for (const cue of cues) {
		const home = homeOf(cue, spans);
		if (home < 0) continue;
		const frames = spans.length > 1 && cue.family.framesSentence === true;
		const opens = frames && home === first;
		const closes =
			frames && !opens && home === last && sentence.slice(spans[home]!.start, cue.start).includes(',');
		spans.forEach((_, i) => {
			if (i === home && !closes) evidence[i]!.push({ cue, weight: cue.family.weight });
			else if (opens || closes) evidence[i]!.push({ cue, weight: cue.family.weight * FRAME_SHARE });
		});
	}
	return evidence;
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0.05, x)) * 100) / 100;

type Verdict = Pick<Claim, 'category' | 'rule' | 'cue' | 'confidence'>;

/**
 * Whether a private thought carries on the account before it: the nearest
 * earlier clause with any source, within reach, gave that category a source
 * of its own (or carried it on itself). A named speaker in between ends the
 * account; so does a thought that only guessed the category.
 */
function continuesAccount(earlier: readonly Claim[], category: string): boolean {
	const recent = earlier.filter((c) => c.kind === 'clause').slice(-CONTINUATION_REACH);
	const last = recent.findLast((c) => c.rule !== 'unattributed');
	return last !== undefined && last.category === category && last.rule !== 'private-state';
}

function judge(
	evidence: readonly Evidence[],
	earlier: readonly Claim[],
	lexicon: Lexicon,
	at: (span: { start: number; end: number }) => Passage
): Verdict {
	const ranked = [...evidence].sort((a, b) => b.weight - a.weight || a.cue.order - b.cue.order);
	const winner = ranked[0];
	if (!winner) return { category: lexicon.fallbackCategory, rule: 'unattributed', cue: null, confidence: UNATTRIBUTED_CONFIDENCE };
	const { category, rule } = winner.cue.family;
	const rival = ranked.find((e) => e.cue.family.category !== category);
	let confidence = winner.weight - 0.5 * (rival?.weight ?? 0);
	let claimRule: ClaimRule = rule;
	if (rule === 'private-state' && continuesAccount(earlier, category)) {
		claimRule = 'continuation';
		confidence += CONTINUATION_BONUS;
	}
	const cue = winner.cue.family.notSourceWords ? null : at(winner.cue);
	return { category, rule: claimRule, cue, confidence: round(confidence) };
}

/**
 * Tags an article. Paragraphs are as splitParagraphs reads them; every claim,
 * cue and sentence is a verbatim span of one of them.
 */
export function tagArticle(text: string, lexicon: Lexicon = en): Tagging {
	const paragraphs = splitParagraphs(text);
	const sentences: Passage[] = [];
	const claims: Claim[] = [];
	paragraphs.forEach((paragraph, p) => {
		for (const s of splitSentences(paragraph, lexicon)) {
			const sentence = paragraph.slice(s.start, s.end);
			const index = sentences.push({ paragraph: p, start: s.start, end: s.end, text: sentence }) - 1;
			const spans = splitClaims(sentence, lexicon);
			const evidence = weigh(spans, findCues(sentence, lexicon), sentence);
			const at = (span: { start: number; end: number }): Passage => ({
				paragraph: p,
				start: s.start + span.start,
				end: s.start + span.end,
				text: sentence.slice(span.start, span.end)
			});
			const ownClaims: Claim[] = [];
			spans.forEach((span, i) => {
				const mine = evidence[i]!;
				const main = span.dependent && mine.length === 0 ? ownClaims.findLast((c) => c.kind === 'clause') : undefined;
				const verdict: Verdict = main
					? { category: main.category, rule: main.rule, cue: main.cue, confidence: round(main.confidence * DEPENDENT_SHARE) }
					: judge(mine, claims, lexicon, at);
				const claim: Claim = { ...at(span), sentence: index, kind: span.kind, ...verdict };
				ownClaims.push(claim);
				claims.push(claim);
			});
		}
	});
	return { paragraphs, sentences, claims };
}
