import type { LabelledArticle } from './types.ts';

/**
 * Written after the first rules were in place, as a held-out check whose
 * phrasing varies from the lexicon's rather than fitting it. Measured once
 * (10 of 15 right), it then showed which general phrasings the lexicon lacked,
 * so it no longer counts as held out. A fictional hospital story; every name,
 * place, outlet and figure is invented.
 */
export const dunmoreHospital: LabelledArticle = {
	id: 'dunmore-hospital',
	headline: 'St. Anne’s Hospital to shut its emergency department overnight',
	source: 'Fictional local news written for the tagger’s labelled set; held out, then used to revise the rules.',
	fictional: true,
	text: [
		'St. Anne’s Hospital in Dunmore will close its emergency department between midnight and 6 a.m. starting next month, the hospital’s board decided at a meeting on Thursday.',
		'Hospital chief executive Priya Natarajan said in a statement that the overnight unit saw fewer than nine patients a night on average last year.',
		'Two nurses, who asked that their names not be used for fear of losing their jobs, said the figure leaves out patients who were sent straight to the wards. Staff were told about the change in an email on Friday afternoon, and many of them were furious, one nurse said.',
		'The state health department must approve any reduction in emergency services, according to its website. A department spokesman said the agency had not yet received an application from the hospital.',
		'The Dunmore Gazette reported last month that the hospital had lost $4.2 million in the first half of the year. Natarajan did not answer questions about those losses when reached by phone on Sunday.',
		'Behind the scenes, some board members pushed for a full closure of the department, people with knowledge of the discussions said. They believed the hospital could not afford to keep the department open at all.',
		'City councillor Marcus Webb, whose ward includes the hospital, called the decision “reckless” in a post on Facebook.',
		'Asked whether the hospital would reverse course if the state objected, a spokeswoman said only that it would “respect the process.”',
		'The nearest other emergency department is 31 miles away in Carver Falls.',
		'Ambulance crews reportedly expect longer trips at night, though the county’s emergency services director declined to estimate how much longer.'
	].join('\n\n'),
	labels: [
		{
			text: 'St. Anne’s Hospital in Dunmore will close its emergency department between midnight and 6 a.m. starting next month, the hospital’s board decided at a meeting on Thursday.',
			category: 'fact'
		},
		{
			text: 'Hospital chief executive Priya Natarajan said in a statement that the overnight unit saw fewer than nine patients a night on average last year.',
			category: 'fact'
		},
		{
			text: 'Two nurses, who asked that their names not be used for fear of losing their jobs, said the figure leaves out patients who were sent straight to the wards.',
			category: 'anonymous'
		},
		{
			text: 'Staff were told about the change in an email on Friday afternoon, and many of them were furious, one nurse said.',
			category: 'anonymous'
		},
		{
			text: 'The state health department must approve any reduction in emergency services, according to its website.',
			category: 'fact'
		},
		{
			text: 'A department spokesman said the agency had not yet received an application from the hospital.',
			category: 'fact'
		},
		{
			text: 'The Dunmore Gazette reported last month that the hospital had lost $4.2 million in the first half of the year.',
			category: 'anonymous'
		},
		{
			text: 'Natarajan did not answer questions about those losses when reached by phone on Sunday.',
			category: 'non-answer'
		},
		{
			text: 'Behind the scenes, some board members pushed for a full closure of the department, people with knowledge of the discussions said.',
			category: 'anonymous'
		},
		{
			text: 'They believed the hospital could not afford to keep the department open at all.',
			category: 'anonymous'
		},
		{
			text: 'City councillor Marcus Webb, whose ward includes the hospital, called the decision “reckless” in a post on Facebook.',
			category: 'fact'
		},
		{
			text: 'Asked whether the hospital would reverse course if the state objected, a spokeswoman said only that it would “respect the process.”',
			category: 'non-answer'
		},
		{ text: 'The nearest other emergency department is 31 miles away in Carver Falls.', category: 'fact' },
		{ text: 'Ambulance crews reportedly expect longer trips at night', category: 'anonymous' },
		{
			text: 'though the county’s emergency services director declined to estimate how much longer.',
			category: 'non-answer'
		}
	]
};
