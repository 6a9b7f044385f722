import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus/index.ts';
import { en } from './lexicon/en.ts';
import type { Lexicon } from './lexicon/types.ts';
import { splitSentences } from './sentences.ts';
import { tagArticle } from './tagger.ts';
import type { Claim, Tagging } from './types.ts';

const claims = (text: string, lexicon?: Lexicon) => tagArticle(text, lexicon).claims;
const only = (text: string): Claim => {
	const found = claims(text);
	expect(found, `one claim in: ${text}`).toHaveLength(1);
	return found[0]!;
};
const label = (text: string) => only(text).category;
const texts = (text: string) => claims(text).map((c) => c.text);
const sentences = (text: string) => splitSentences(text, en).map((s) => text.slice(s.start, s.end));

describe('rule families', () => {
	it('calls a named speaker on the record a fact, whether the name comes before or after "said"', () => {
		const before = only('“The library stays open,” Councillor Amy Tran said.');
		expect(before).toMatchObject({ category: 'fact', rule: 'named-speaker' });
		expect(before.cue?.text).toBe('Councillor Amy Tran said');
		expect(only('The road will reopen in June, said Mayor Jo Park.').rule).toBe('named-speaker');
		expect(only('Priya Shah, the club’s treasurer, said the books balance.').rule).toBe('named-speaker');
	});

	it('calls an official role speaking on the record a fact, unless it declines to answer', () => {
		expect(only('A spokeswoman for the water board confirmed the price rise.')).toMatchObject({
			category: 'fact',
			rule: 'role-speaker'
		});
		expect(only('The water board announced the price rise.').category).toBe('fact');
		expect(only('A council spokesman declined to comment on the leak.')).toMatchObject({
			category: 'non-answer',
			rule: 'non-answer'
		});
	});

	it('calls unnamed sources anonymous', () => {
		for (const text of [
			'Two officials who spoke on condition of anonymity said the mayor will quit.',
			'People familiar with the deal say it is worth $2 million.',
			'A third source confirmed the meeting took place.',
			'The club will move to a new ground, citing three people briefed on the plan.',
			'Aides said the plan had been dropped.',
			'Three drivers at the depot said the buses were late every day.',
			'Two cooks, who asked that their names not be printed, said the kitchen failed its inspection.',
			// A group at the start of a sentence is capitalised, and still no one's name.
			'Riders said the changes would hurt.',
			'Residents told the council the water tasted odd.'
		]) {
			expect(only(text), text).toMatchObject({ category: 'anonymous', rule: 'unnamed-source' });
		}
		expect(only('Officer Dana Smith said the road was closed.')).toMatchObject({ rule: 'named-speaker', cue: { text: 'Dana Smith said' } });
	});

	it('still finds an unnamed source with one typo in a long word of its phrase, and only then', () => {
		for (const [text, cue] of [
			['The school will close in June, a person familar with the plans said.', 'person familar with'],
			['The school will close in June, a person famliiar with the plans said.', 'person famliiar with'],
			['The school will close in June, a person with knowlege of the plans said.', 'person with knowlege of']
		] as const)
			expect(only(text), text).toMatchObject({ category: 'anonymous', rule: 'unnamed-source', cue: { text: cue } });
		// Two typos, or one in a short word, are too far from the phrase to be sure of it.
		expect(label('The school will close in June, a person families with the plans said.')).toBe('fact');
		expect(label('The school will close in June, a person clsoe to the plans said.')).toBe('fact');
	});

	it('calls hedges anonymous', () => {
		expect(only('The coach allegedly kicked a chair.')).toMatchObject({ category: 'anonymous', rule: 'hedge' });
		expect(only('The striker is said to be unhappy.').rule).toBe('hedge');
		expect(only('The striker is also said to be unhappy.').rule).toBe('hedge');
		expect(only('Reportedly, the mayor owns two boats.').cue?.text).toBe('Reportedly');
	});

	it('calls another outlet’s report anonymous, at the start or the end of the sentence', () => {
		expect(only('According to the Valley Tribune, the mine will close.')).toMatchObject({
			category: 'anonymous',
			rule: 'second-hand'
		});
		expect(only('The mine will close, the Valley Tribune said.').cue?.text).toBe('the Valley Tribune said');
		expect(only('The mine will close, reports say.').category).toBe('anonymous');
		expect(only('According to CNN, the mine will close.').category).toBe('anonymous');
	});

	it('calls declining, not responding and "no comment" a non-answer, even from a named speaker', () => {
		for (const text of [
			'The minister did not respond to a request for comment.',
			'The club refused to say how much it paid.',
			'The school would not confirm the figure.',
			'“No comment,” said Coach Eli Brand.',
			'“I have not had a conversation with her about it,” Principal Ines Doyle said.',
			'The treasurer could not be reached on Sunday.',
			'The principal declined to estimate the cost.',
			'Asked about the cost, a spokesman said only that the school “takes safety seriously.”'
		]) {
			expect(label(text), text).toBe('non-answer');
		}
	});

	it('matches curly and straight apostrophes and quotes alike', () => {
		expect(label('The mayor wouldn’t say.')).toBe('non-answer');
		expect(label("The mayor wouldn't say.")).toBe('non-answer');
		expect(label('“I haven’t discussed it,” the principal said.')).toBe('non-answer');
		expect(label(`"I haven't discussed it," the principal said.`)).toBe('non-answer');
		expect(label("The coach can't comment on the case.")).toBe('non-answer');
		expect(label('The coach can’t comment on the case.')).toBe('non-answer');
	});

	it('calls public acts and public records facts', () => {
		expect(only('The governor signed the bill on Friday.')).toMatchObject({ category: 'fact', rule: 'public-act' });
		expect(only('A judge blocked the order.').rule).toBe('public-act');
		expect(only('The minutes show the vote was unanimous.')).toMatchObject({ rule: 'public-record' });
		expect(only('According to court records, the firm was fined twice.')).toMatchObject({
			category: 'fact',
			rule: 'public-record'
		});
	});

	it('calls "according to" a document a public record, with those words as the cue, and never offers a date as one', () => {
		for (const [text, cue] of [
			['The new routes start by May 1, according to the meeting’s agenda.', 'according to the meeting’s agenda'],
			['The new routes start by May 1, according to the agenda.', 'according to the agenda']
		] as const)
			expect(only(text), text).toMatchObject({ category: 'fact', rule: 'public-record', cue: { text: cue } });
		// A date makes a checkable event likelier, but says nothing of who says so.
		expect(only('The new routes start by May 1.')).toMatchObject({ category: 'fact', rule: 'public-act', cue: null });
	});

	it('calls private feelings after an anonymous claim a continuation of that account, with less confidence', () => {
		const [first, second] = claims('The coach reportedly wants to leave. He was furious about the pay cut.');
		expect(first).toMatchObject({ category: 'anonymous', rule: 'hedge' });
		expect(second).toMatchObject({ category: 'anonymous', rule: 'continuation' });
		expect(second!.confidence).toBeLessThan(first!.confidence);
		const alone = only('He was furious about the pay cut.');
		expect(alone).toMatchObject({ category: 'anonymous', rule: 'private-state' });
		expect(alone.confidence).toBeLessThan(second!.confidence);
	});

	it('carries an anonymous account on only from a claim that had one, never past a named speaker', () => {
		const [, named, thought] = claims(
			'Two officials said the mayor will quit. “I am staying,” Mayor Ana Ruiz said. She was furious about the leak.'
		);
		expect(named).toMatchObject({ category: 'fact', rule: 'named-speaker' });
		expect(thought).toMatchObject({ category: 'anonymous', rule: 'private-state' });
		// A feeling with no source is no account to carry on.
		expect(claims('He was furious about the pay cut. She was angry too.')[1]).toMatchObject({ rule: 'private-state' });
		// A plain statement in between does not end the account; a continued one goes on.
		const [, , furious, quit] = claims(
			'The coach reportedly wants to leave. The stadium holds 8,000 people. He was furious about the pay cut. He wanted to quit.'
		);
		expect(furious).toMatchObject({ category: 'anonymous', rule: 'continuation' });
		expect(quit).toMatchObject({ category: 'anonymous', rule: 'continuation' });
	});

	it('leaves a plain statement with no attribution as an unsure fact to check', () => {
		const [, plain] = claims('The coach reportedly wants to leave. The stadium holds 8,000 people.');
		expect(plain).toMatchObject({ category: 'fact', rule: 'unattributed', cue: null });
		expect(plain!.confidence).toBeLessThan(0.5);
	});

	it('takes the lexicon as a parameter, so a phrase can be added as data', () => {
		const text = 'Word on the street is that the mayor will quit.';
		expect(label(text)).toBe('fact');
		const extended: Lexicon = {
			...en,
			cues: [...en.cues, { rule: 'hedge', category: 'anonymous', weight: 0.85, patterns: ['word on the street'] }]
		};
		expect(claims(text, extended)[0]).toMatchObject({ category: 'anonymous', rule: 'hedge' });
	});
});

describe('splitting sentences into claims', () => {
	it('splits ", and" before a new subject, but keeps ", and said" with its speaker', () => {
		expect(texts('The mayor signed the order, and she thanked the council.')).toEqual([
			'The mayor signed the order',
			'she thanked the council.'
		]);
		expect(texts('A source close to the mayor called the plan rushed, and said it would fail.')).toHaveLength(1);
	});

	it('splits "and he" without a comma, so each claim keeps its own label', () => {
		const [asked, reply] = claims('The chief was asked about the fire and he declined to comment.');
		expect(asked!.text).toBe('The chief was asked about the fire');
		expect(reply).toMatchObject({ text: 'he declined to comment.', category: 'non-answer' });
	});

	it('splits ", which" and a relative clause that records a public act', () => {
		expect(texts('Parents started a petition, which reached 900 names.')).toEqual([
			'Parents started a petition',
			'which reached 900 names.'
		]);
		const [blame, act] = claims('The rumour is that he blames the law that the council passed in May.');
		expect(act).toMatchObject({ text: 'that the council passed in May.', category: 'fact' });
		expect(blame!.text).toBe('The rumour is that he blames the law');
		expect(texts('She said that the council passed it.')).toHaveLength(1);
	});

	it('sets off a dash pair as an aside inside its clause, each with its own label', () => {
		const [clause, aside] = claims('The owner reportedly opposed the sale – the council approved it in May – from the start.');
		expect(clause).toMatchObject({ kind: 'clause', category: 'anonymous' });
		expect(clause!.text).toContain('– the council approved it in May –');
		expect(aside).toMatchObject({ kind: 'aside', text: 'the council approved it in May', category: 'fact' });
	});

	it('reads a lone dash inside quoted speech as a pause, not an aside running on past the speaker', () => {
		const dashed = only('“The plan is late — and nobody told us,” said Ana Ruiz, a parent.');
		const comma = only('“The plan is late, and nobody told us,” said Ana Ruiz, a parent.');
		expect(dashed).toMatchObject({ kind: 'clause', rule: 'named-speaker', cue: { text: 'said Ana Ruiz' } });
		expect(comma).toMatchObject({ kind: 'clause', rule: 'named-speaker', cue: { text: 'said Ana Ruiz' } });
		// A dash pair inside the speech is still an aside, and a dash in speech pairs with none outside it.
		expect(texts('“The plan – which we backed – is late,” said Ana Ruiz.')).toEqual([
			'“The plan – which we backed – is late,” said Ana Ruiz.',
			'which we backed'
		]);
		expect(texts('“It is late — very late,” said Ana Ruiz – a parent of two – on Monday.').at(-1)).toBe('a parent of two');
	});

	it('splits "following" and "after it emerged that", which tie on a separate event', () => {
		expect(texts('The team lost again following the departure of its coach.')).toEqual([
			'The team lost again',
			'following the departure of its coach.'
		]);
		expect(texts('The treasurer quit after it emerged that he had lost the receipts.')).toEqual([
			'The treasurer quit',
			'after it emerged that he had lost the receipts.'
		]);
		expect(texts('The team lost the following week.')).toHaveLength(1);
		expect(texts('The league has not said when the season will start.')).toHaveLength(1);
	});

	it('lets a closing attribution cover the whole sentence, while a public act in its own clause outweighs it', () => {
		const [closure, sale] = claims('The plant will shut, and the owners signed the sale in March, the Ledger reported.');
		expect(closure).toMatchObject({ category: 'anonymous', rule: 'second-hand' });
		expect(closure!.cue?.text).toBe('the Ledger reported');
		expect(sale).toMatchObject({ category: 'fact', rule: 'public-act' });
	});

	it('keeps "before a test" inside a subject\'s own clause: "Students who drank it before a test scored…" is one claim', () => {
		expect(
			texts('Students who drank FocusFizz before a test scored 12 percent higher than those who drank water, the drink’s maker said.')
		).toHaveLength(1);
		expect(texts('People who ate lunch before the game played better, according to a coach.')).toHaveLength(1);
		// Once the subject's clause has its main verb and a comma, "before" opens a claim again.
		expect(texts('The coach, who spoke on Monday, resigned before the board met.')).toEqual(['The coach, who spoke on Monday, resigned', 'before the board met.']);
	});

	it('reads "as soon as" as one word: no claim ends on "as soon"', () => {
		const found = texts('Athletic director Tom Becker said the school had reported the mistake to the league itself as soon as it was found.');
		expect(found.every((t) => !/\bas soon$/.test(t))).toBe(true);
		expect(found.at(-1)).toBe('as soon as it was found.');
	});

	it('lets a dependent clause with no cue of its own share the source of its main clause', () => {
		const [told, before] = claims('Staff were reportedly told by email shortly before the meeting began.');
		expect(before).toMatchObject({ text: 'shortly before the meeting began.', category: 'anonymous' });
		expect(before!.confidence).toBeLessThan(told!.confidence);
	});
});

describe('sentences', () => {
	it('does not end a sentence at a title, an initial or "U.S." inside a name', () => {
		expect(sentences('Gov. Ana Ruiz met U.S. Rep. Tom Hale on Jan. 5. Then she left.')).toEqual([
			'Gov. Ana Ruiz met U.S. Rep. Tom Hale on Jan. 5.',
			'Then she left.'
		]);
		expect(sentences('The author J. R. Okoro spoke. Nobody left.')).toHaveLength(2);
	});

	it('ends a sentence at an abbreviation when a new sentence clearly starts', () => {
		expect(sentences('The firm moved to the U.S. The staff followed.')).toEqual([
			'The firm moved to the U.S.',
			'The staff followed.'
		]);
	});

	it('keeps a closing quote with its sentence, and a question inside quotes with its speaker', () => {
		expect(sentences('She called the plan “reckless.” Then she left.')).toEqual([
			'She called the plan “reckless.”',
			'Then she left.'
		]);
		expect(sentences('“Why now?” she asked. The board did not answer.')).toEqual([
			'“Why now?” she asked.',
			'The board did not answer.'
		]);
	});
});

describe('the output', () => {
	it('is empty for an empty or blank input', () => {
		expect(tagArticle('')).toEqual({ paragraphs: [], sentences: [], claims: [] });
		expect(tagArticle(' \n\n \t\n')).toEqual({ paragraphs: [], sentences: [], claims: [] });
	});

	it('takes each non-empty line as a paragraph, with blank lines or not', () => {
		expect(tagArticle('One.\nTwo.\n\n\nThree.').paragraphs).toEqual(['One.', 'Two.', 'Three.']);
	});

	it('leaves a list item\'s marker out of its claim, and a year that starts a sentence in', () => {
		const t = tagArticle('The routes to cut:\n- Route 4 serves the hospital.\n• Route 9 runs at night.\n2. Route 12 is new.\n2024 was a good year.');
		expect(t.claims.map((c) => c.text)).toEqual([
			'The routes to cut:',
			'Route 4 serves the hospital.',
			'Route 9 runs at night.',
			'Route 12 is new.',
			'2024 was a good year.'
		]);
		verbatim(t);
	});

	const verbatim = (t: Tagging) => {
		for (const piece of [...t.sentences, ...t.claims, ...t.claims.flatMap((c) => (c.cue ? [c.cue] : []))]) {
			expect(piece.text).toBe(t.paragraphs[piece.paragraph]!.slice(piece.start, piece.end));
			expect(piece.text.length).toBeGreaterThan(0);
			expect(piece.text).toBe(piece.text.trim());
		}
		for (const c of t.claims) {
			expect(c.confidence).toBeGreaterThanOrEqual(0);
			expect(c.confidence).toBeLessThanOrEqual(1);
			expect(['fact', 'anonymous', 'non-answer']).toContain(c.category);
		}
	};

	it('gives every claim, sentence and cue as a verbatim span of its paragraph, in every corpus article', () => {
		for (const article of CORPUS) {
			const t = tagArticle(article.text);
			expect(t.claims.length).toBeGreaterThanOrEqual(article.labels.length - 2);
			verbatim(t);
		}
	});

	it('keeps claims verbatim for any mix of sentences, punctuation and line breaks', () => {
		const pieces = CORPUS.flatMap((a) => a.text.split(/(?<=[.”])\s+/u));
		const noise = fc.constantFrom(' ', '  ', '\n', '\n\n', ' – ', ', and he ', ' (', ') ', '“', '”', ' U.S. ', '; ');
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), noise, fc.string({ maxLength: 12 })), { maxLength: 12 }), (parts) => {
				verbatim(tagArticle(parts.join('')));
			}),
			{ numRuns: 300 }
		);
	});
});
