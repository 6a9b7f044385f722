import type { LabelledArticle } from './types.ts';

/**
 * Written for this set: a fictional factory closure story. Every name, place,
 * company, outlet and figure is invented.
 */
export const harlowRidgePlant: LabelledArticle = {
	id: 'harlow-ridge-plant',
	headline: 'Brentwood Plastics to close Harlow Ridge plant, cutting 340 jobs',
	source: 'Fictional local news written for the tagger’s labelled set.',
	fictional: true,
	text: [
		'Brentwood Plastics will close its plant in Harlow Ridge by the end of the year, the company announced on Monday, cutting 340 jobs.',
		'In a filing with the state labor department, the company said the closure was part of a plan to move production to a newer plant in Ohio.',
		'Company executives had been weighing the closure since last spring, according to two managers who spoke on condition of anonymity because they were not authorized to discuss the plans.',
		'Chief Executive Laura Brandt told investors on a call on Tuesday that the decision was “painful but necessary.” Brandt was angry that the town council had refused the company a tax break last year, one of the managers said. She also blamed rising energy prices for the plant’s losses.',
		'The council voted 4-3 against the tax break in October 2023, the meeting minutes show.',
		'Mayor Tom Ellery said the town would open a job centre for the workers – the first of its kind in the county – and that he had asked the state for emergency funds.',
		'Union leaders reportedly plan to challenge the closure in court. A spokesperson for the union, United Plastics Workers Local 12, would not confirm whether a lawsuit was being prepared.',
		'Brentwood Plastics did not return calls seeking comment on how many workers would be offered jobs in Ohio.',
		'The Harlow Ridge Herald said the company had quietly tried to sell the plant to a rival manufacturer, citing people close to the talks. The talks collapsed in August over the price.',
		'“No comment on that one,” Ellery said when asked whether the town would take the company to court.',
		'The plant opened in 1987 and was the town’s largest private employer, according to county records.'
	].join('\n\n'),
	labels: [
		{
			text: 'Brentwood Plastics will close its plant in Harlow Ridge by the end of the year, the company announced on Monday, cutting 340 jobs.',
			category: 'fact'
		},
		{
			text: 'In a filing with the state labor department, the company said the closure was part of a plan to move production to a newer plant in Ohio.',
			category: 'fact'
		},
		{
			text: 'Company executives had been weighing the closure since last spring, according to two managers who spoke on condition of anonymity because they were not authorized to discuss the plans.',
			category: 'anonymous'
		},
		{
			text: 'Chief Executive Laura Brandt told investors on a call on Tuesday that the decision was “painful but necessary.”',
			category: 'fact'
		},
		{
			text: 'Brandt was angry that the town council had refused the company a tax break last year, one of the managers said.',
			category: 'anonymous'
		},
		{ text: 'She also blamed rising energy prices for the plant’s losses.', category: 'anonymous' },
		{ text: 'The council voted 4-3 against the tax break in October 2023, the meeting minutes show.', category: 'fact' },
		{
			text: 'Mayor Tom Ellery said the town would open a job centre for the workers – the first of its kind in the county – and that he had asked the state for emergency funds.',
			category: 'fact'
		},
		{ text: 'Union leaders reportedly plan to challenge the closure in court.', category: 'anonymous' },
		{
			text: 'A spokesperson for the union, United Plastics Workers Local 12, would not confirm whether a lawsuit was being prepared.',
			category: 'non-answer'
		},
		{
			text: 'Brentwood Plastics did not return calls seeking comment on how many workers would be offered jobs in Ohio.',
			category: 'non-answer'
		},
		{
			text: 'The Harlow Ridge Herald said the company had quietly tried to sell the plant to a rival manufacturer, citing people close to the talks.',
			category: 'anonymous'
		},
		{ text: 'The talks collapsed in August over the price.', category: 'anonymous' },
		{
			text: '“No comment on that one,” Ellery said when asked whether the town would take the company to court.',
			category: 'non-answer'
		},
		{
			text: 'The plant opened in 1987 and was the town’s largest private employer, according to county records.',
			category: 'fact'
		}
	]
};
