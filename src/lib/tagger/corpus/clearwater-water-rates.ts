import type { LabelledArticle } from './types.ts';

/**
 * Written as a second held-out check, before the rules were revised after the
 * first held-out article (dunmore-hospital) showed their gaps; measured once
 * the revision was done. A fictional utility story; every name, place, outlet
 * and figure is invented.
 */
export const clearwaterWaterRates: LabelledArticle = {
	id: 'clearwater-water-rates',
	headline: 'Clearwater Valley water rates to rise 9 percent',
	source: 'Fictional local news written for the tagger’s labelled set, held out from tuning.',
	fictional: true,
	text: [
		'Customers of the Clearwater Valley Water Authority will pay about 9 percent more from July, after the authority’s board approved the increase 6-1 on Wednesday.',
		'The authority’s general manager, Denise Ocampo, told the board the money would pay for replacing lead pipes under the old town centre.',
		'Some residents will see bills rise by more than $20 a month, the Valley Ledger reported, citing internal authority documents.',
		'Board member Raul Espinoza, the only no vote, said the increase falls hardest on renters.',
		'Two employees of the authority said the pipe work had been delayed for years because of a dispute with the state. One of them described the board as “asleep at the wheel.”',
		'Ocampo refused to discuss the dispute, saying it was a legal matter.',
		'State regulators fined the authority $150,000 in 2022 for lead levels above the federal limit, records show. The authority has not said when the work will start.',
		'Privately, several board members had hoped to delay the increase until after the November election.',
		'A spokeswoman for the mayor said the city would “look closely” at the decision, and she would not say whether the mayor supports it.',
		'The increase is the authority’s first since 2019.',
		'The water authority is also said to be considering selling its headquarters building on Mill Street.'
	].join('\n\n'),
	labels: [
		{
			text: 'Customers of the Clearwater Valley Water Authority will pay about 9 percent more from July, after the authority’s board approved the increase 6-1 on Wednesday.',
			category: 'fact'
		},
		{
			text: 'The authority’s general manager, Denise Ocampo, told the board the money would pay for replacing lead pipes under the old town centre.',
			category: 'fact'
		},
		{
			text: 'Some residents will see bills rise by more than $20 a month, the Valley Ledger reported, citing internal authority documents.',
			category: 'anonymous'
		},
		{
			text: 'Board member Raul Espinoza, the only no vote, said the increase falls hardest on renters.',
			category: 'fact'
		},
		{
			text: 'Two employees of the authority said the pipe work had been delayed for years because of a dispute with the state.',
			category: 'anonymous'
		},
		{ text: 'One of them described the board as “asleep at the wheel.”', category: 'anonymous' },
		{ text: 'Ocampo refused to discuss the dispute, saying it was a legal matter.', category: 'non-answer' },
		{
			text: 'State regulators fined the authority $150,000 in 2022 for lead levels above the federal limit, records show.',
			category: 'fact'
		},
		{ text: 'The authority has not said when the work will start.', category: 'non-answer' },
		{
			text: 'Privately, several board members had hoped to delay the increase until after the November election.',
			category: 'anonymous'
		},
		{
			text: 'A spokeswoman for the mayor said the city would “look closely” at the decision',
			category: 'fact'
		},
		{ text: 'she would not say whether the mayor supports it.', category: 'non-answer' },
		{ text: 'The increase is the authority’s first since 2019.', category: 'fact' },
		{
			text: 'The water authority is also said to be considering selling its headquarters building on Mill Street.',
			category: 'anonymous'
		}
	]
};
