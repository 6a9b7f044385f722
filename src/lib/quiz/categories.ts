/** The three labels a quiz uses unless it defines its own. */
export const DEFAULT_CATEGORIES = [
	{
		id: 'fact',
		label: 'Confirmed fact',
		definition:
			'On the public record or said by a named person: a reader could check it.'
	},
	{
		id: 'anonymous',
		label: 'Anonymous-source claim',
		definition:
			'Rests on people the reader cannot identify: unnamed sources, “reportedly”, or another outlet’s unseen sources.'
	},
	{
		id: 'non-answer',
		label: 'Official non-answer',
		definition:
			'An official declines, dodges or says nothing on the question: it neither confirms nor denies.'
	}
] as const;
