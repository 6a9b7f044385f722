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

/** The label a quiz adds when it asks students to tell a named source's claim from a fact. */
export const NAMED_CLAIM = {
	id: 'named-claim',
	label: 'Named-source claim',
	definition:
		'A named person or body says it on the record: you know whom to hold to it, but it is their claim until a record or other evidence backs it.'
} as const;

/** The three labels, with the named-source claim between the fact and the anonymous claim. */
export const FOUR_CATEGORIES = [DEFAULT_CATEGORIES[0], NAMED_CLAIM, DEFAULT_CATEGORIES[1], DEFAULT_CATEGORIES[2]] as const;
