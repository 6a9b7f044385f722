/**
 * The three labels a quiz uses unless it defines its own. A named person saying
 * something proves that they said it, not that it is true, so "fact" asks for
 * a record a reader could look up, not for a name.
 */
export const DEFAULT_CATEGORIES = [
	{
		id: 'fact',
		label: 'Confirmed fact',
		definition:
			'On the public record: an official act, a vote, a document or a published figure that a reader could look up. Being said by a named person is not enough.'
	},
	{
		id: 'anonymous',
		label: 'Anonymous-source claim',
		definition:
			'You cannot tell who says so: unnamed sources, “reportedly”, another outlet’s unseen sources, or no source at all for what only insiders could know.'
	},
	{
		id: 'non-answer',
		label: 'Official non-answer',
		definition:
			'An official declines, dodges or changes the subject: not a denial and not a yes, though refusing an easy answer can be news.'
	}
] as const;
