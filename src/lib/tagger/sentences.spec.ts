import { describe, expect, it } from 'vitest';
import { sessionsOfferedToResign } from './corpus/sessions-offered-to-resign.ts';
import { splitParagraphs } from './sentences.ts';

/** Three paragraphs as an e-mail or a PDF gives them: wrapped at about 72 characters, a blank line between. */
const WRAPPED = `The Riverside council has put off a vote on closing the bus depot on
Mill Road, which was due on Tuesday night. The district is also
considering selling the land, a person familiar with the plans said.

“We need more time to look at the numbers,” said council leader Ana
Ruiz, who chairs the transport committee. She did not say when the
vote would be held.

Drivers at the depot said they learned of the delay from a notice
pinned to the canteen door on Monday night.
`;

describe('splitParagraphs', () => {
	it('joins the wrapped lines of each block between blank lines into one paragraph', () => {
		expect(splitParagraphs(WRAPPED)).toEqual([
			'The Riverside council has put off a vote on closing the bus depot on Mill Road, which was due on Tuesday night. The district is also considering selling the land, a person familiar with the plans said.',
			'“We need more time to look at the numbers,” said council leader Ana Ruiz, who chairs the transport committee. She did not say when the vote would be held.',
			'Drivers at the depot said they learned of the delay from a notice pinned to the canteen door on Monday night.'
		]);
		expect(splitParagraphs(WRAPPED.replaceAll('\n', '\r\n'))).toHaveLength(3);
		expect(splitParagraphs('The plan has a well-\nknown flaw, and the\nboard knows it.\n\nNext.')[0]).toBe(
			'The plan has a well-known flaw, and the board knows it.'
		);
	});

	it('keeps one paragraph a line, with blank lines between or not', () => {
		const article = sessionsOfferedToResign.text;
		expect(splitParagraphs(article)).toEqual(article.split('\n\n'));
		expect(splitParagraphs(article.replaceAll('\n\n', '\n'))).toEqual(article.split('\n\n'));
		// Lines that each end a sentence are the writer's own breaks, even in a block.
		expect(splitParagraphs('One.\nTwo.\n\n\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
		// With no blank line at all, a line that runs on is still a paragraph of its own.
		expect(splitParagraphs('The routes to cut are\nRoute 4 and Route 9')).toEqual(['The routes to cut are', 'Route 4 and Route 9']);
	});
});
