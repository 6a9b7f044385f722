import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import WordMarker from './WordMarker.svelte';

/** The page's text as a screen reader gets it in reading order: tags and Svelte's markers dropped, nothing added between them. */
const spoken = (html: string) => html.replace(/<!--[^]*?-->/g, '').replace(/<[^>]+>/g, '');

describe('the cue words revealed after an answer', () => {
	it('say each word and then, as a separate phrase, what it was', () => {
		// Tokens: 0 "the", 1 "drink’s", 2 "maker", 3 "said". Cues: maker and said; the student marked the and maker.
		const { body } = render(WordMarker, {
			props: { quote: 'the drink’s maker, said', marked: [0, 2], reveal: { expected: [2, 3] }, label: 'Cue words' }
		});
		// The space belongs to the hidden phrase: the words keep their look, and "maker(cue word, found)" is never read as one word.
		expect(spoken(body)).toBe('the (not a cue word) drink’s maker (cue word, found), said (cue word, missed)');
	});
});
