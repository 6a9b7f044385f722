import type { LabelledArticle } from './types.ts';

/**
 * Written for this set: a fictional school board story. Every name, place,
 * outlet and figure is invented.
 */
export const millbrookArtsBudget: LabelledArticle = {
	id: 'millbrook-arts-budget',
	headline: 'Millbrook school board cuts arts budget by 12 percent',
	source: 'Fictional local news written for the tagger’s labelled set.',
	fictional: true,
	text: [
		'The Millbrook Unified School Board voted 5-2 on Tuesday night to cut the district’s arts budget by 12 percent, according to the minutes of the meeting.',
		'“We had no good options, only less bad ones,” Board President Maria Okafor said after the vote.',
		'The cut will eliminate two art teacher positions at Lincoln Middle School, the district’s budget document shows. Several teachers were reportedly told about the cuts by email only an hour before the meeting began.',
		'A person familiar with the board’s closed-door discussions said two members wanted to cut the sports program instead but were outvoted.',
		'Superintendent Dan Reyes was frustrated that the state had delayed its funding decision, and he privately warned board members that further cuts could follow.',
		'Asked whether the arts program would return next year, a district spokesperson declined to comment. Reyes did not respond to messages from the Millbrook Courier on Wednesday.',
		'Parents have started an online petition, which had gathered more than 1,400 signatures by Wednesday evening.',
		'According to the Riverside Daily, the board is also considering closing one of its three elementary schools.',
		'Board member Chris Lindqvist, one of the two members who voted against the cut, said the district should have asked voters to approve a levy instead.',
		'“I’m not going to get into what was said in closed session,” Lindqvist said when asked about the sports program.',
		'Some board members are said to be worried that the cuts will push families to nearby districts.',
		'The board will hold a public hearing on the full budget on March 14, the district announced.'
	].join('\n\n'),
	labels: [
		{
			text: 'The Millbrook Unified School Board voted 5-2 on Tuesday night to cut the district’s arts budget by 12 percent, according to the minutes of the meeting.',
			category: 'fact'
		},
		{
			text: '“We had no good options, only less bad ones,” Board President Maria Okafor said after the vote.',
			category: 'fact'
		},
		{
			text: 'The cut will eliminate two art teacher positions at Lincoln Middle School, the district’s budget document shows.',
			category: 'fact'
		},
		{
			text: 'Several teachers were reportedly told about the cuts by email only an hour before the meeting began.',
			category: 'anonymous'
		},
		{
			text: 'A person familiar with the board’s closed-door discussions said two members wanted to cut the sports program instead but were outvoted.',
			category: 'anonymous'
		},
		{
			text: 'Superintendent Dan Reyes was frustrated that the state had delayed its funding decision',
			category: 'anonymous'
		},
		{ text: 'he privately warned board members that further cuts could follow', category: 'anonymous' },
		{
			text: 'Asked whether the arts program would return next year, a district spokesperson declined to comment.',
			category: 'non-answer'
		},
		{ text: 'Reyes did not respond to messages from the Millbrook Courier on Wednesday.', category: 'non-answer' },
		{ text: 'Parents have started an online petition', category: 'fact' },
		{ text: 'which had gathered more than 1,400 signatures by Wednesday evening', category: 'fact' },
		{
			text: 'According to the Riverside Daily, the board is also considering closing one of its three elementary schools.',
			category: 'anonymous'
		},
		{
			text: 'Board member Chris Lindqvist, one of the two members who voted against the cut, said the district should have asked voters to approve a levy instead.',
			category: 'fact'
		},
		{
			text: '“I’m not going to get into what was said in closed session,” Lindqvist said when asked about the sports program.',
			category: 'non-answer'
		},
		{
			text: 'Some board members are said to be worried that the cuts will push families to nearby districts.',
			category: 'anonymous'
		},
		{
			text: 'The board will hold a public hearing on the full budget on March 14, the district announced.',
			category: 'fact'
		}
	]
};
