import type { ClaimRule } from './types.ts';

/** What each rule means, in words an author reads beside a suggestion. */
export const RULE_DESCRIPTIONS: Readonly<Record<ClaimRule, string>> = {
	'non-answer': 'an official declines, dodges or says nothing on the question',
	'unnamed-source': 'it rests on a source the reader cannot identify',
	hedge: 'a hedge such as “reportedly” or “is said to”: someone told the writer, unnamed',
	'second-hand': 'it comes from another outlet’s report, whose sources are not shown',
	'named-speaker': 'a named person says it on the record',
	'role-speaker': 'an official role or organisation says it on the record',
	'public-record': 'it is in a public record anyone can consult',
	'public-act': 'it is a public act or event anyone could check',
	'private-state': 'it reports private thoughts or feelings and gives no source',
	continuation: 'it reports private thoughts or talks, carrying on the anonymous account before it',
	unattributed: 'it has no attribution at all: a plain statement of events to check'
};
