import type { LabelledArticle } from './types.ts';

/**
 * The first article, a June 2017 web report, labelled with the classify items
 * of the first version of its hand-written quiz (quizzes/sessions-offered-to-resign.json):
 * the same claim boundaries and answers. The quiz now asks about fewer claims
 * and weighs some in an order question, but every label here still stands.
 * Some quotes overlap, as an author’s claims may; parts of sentences no item
 * asks about stay unlabelled.
 */
export const sessionsOfferedToResign: LabelledArticle = {
	id: 'sessions-offered-to-resign',
	headline: 'Jeff Sessions offered to resign amid tensions with Trump',
	source: 'A June 2017 web report, quoted exactly as published (typos included).',
	fictional: false,
	text: [
		'According to ABC News, US Attorney General Jeff Sessions offered to resign due to his tensions with US President Donald Trump.',
		'“I have not had a discussion with him about that”, Press Secretary Spicer said at the daily briefing Tuesday.',
		'Even though Sessions was handpicked by Trump, the former drew the president’s ire when he made a decision to recuse himself from FBI’s investigation into Russia’s involvement in the 2016 election, shortly after he was appointed the attorney general.',
		'Trump reportedly blames Sessions – the attorney-general recused himself with regard to the Russian Federation investigation – for the series of events that led to a special prosecutor being appointed.',
		'Why this matters: A second source who works with Sessions described the comments from the podium as “unhelpful”, and said it only added to the media firestorm already building around the tense relationship between Trump and Sessions.',
		'He has also blamed Sessions for the fallout from an executive order that the president signed putting in place a travel ban on seven primarily Muslim countries, which courts have blocked.',
		'After the election, Sessions was rewarded with one of the most prominent positions in Trump’s new administration, atop the Justice Department. Trump did not accept Sessions’ offer, and is aware of the potential political fallout from another high-profile change following his firing of Federal Bureau of Investigation director James Comey in May, the stories report.',
		'A day after learning of Sessions’ recusal, Trump took his anger out on aides at the Oval Office, The Times said, citing four people familiar with the incident.',
		'With the recusal by Sessions, oversight of Russia-related investigations now falls to Deputy Attorney General Rod Rosenstein.',
		'Spicer was asked about this yesterday as stories swirled about Trump being peeved at Sessions and he ducked it by saying he hasn’t discussed the subject with the president.',
		'At one point, Sessions made clear he would be willing to resign if Trump no longer wanted him.',
		'All the behind-the-scenes drama has come out belatedly, after the president brought his dissatisfaction with Sessions out into the open himself on Monday.',
		'The attorney general had been at his post for less than a month and was facing calls to step down after it emerged that he had failed disclose his contacts with Russian ambassador Sergey Kislyak, despite having met him multiple times in 2016. On Tuesday, the White House declined to say whether Trump still had confidence in his attorney general.'
	].join('\n\n'),
	labels: [
		{
			text: 'According to ABC News, US Attorney General Jeff Sessions offered to resign due to his tensions with US President Donald Trump.',
			category: 'anonymous'
		},
		{
			text: '“I have not had a discussion with him about that”, Press Secretary Spicer said at the daily briefing Tuesday.',
			category: 'non-answer'
		},
		{ text: 'the former drew the president’s ire', category: 'anonymous' },
		{
			text: 'he made a decision to recuse himself from FBI’s investigation into Russia’s involvement in the 2016 election, shortly after he was appointed the attorney general',
			category: 'fact'
		},
		{
			text: 'Trump reportedly blames Sessions – the attorney-general recused himself with regard to the Russian Federation investigation – for the series of events that led to a special prosecutor being appointed.',
			category: 'anonymous'
		},
		{
			text: 'Why this matters: A second source who works with Sessions described the comments from the podium as “unhelpful”, and said it only added to the media firestorm already building around the tense relationship between Trump and Sessions.',
			category: 'anonymous'
		},
		{ text: 'He has also blamed Sessions for the fallout from an executive order', category: 'anonymous' },
		{
			text: 'an executive order that the president signed putting in place a travel ban on seven primarily Muslim countries, which courts have blocked',
			category: 'fact'
		},
		{
			text: 'After the election, Sessions was rewarded with one of the most prominent positions in Trump’s new administration, atop the Justice Department.',
			category: 'fact'
		},
		{
			text: 'Trump did not accept Sessions’ offer, and is aware of the potential political fallout from another high-profile change following his firing of Federal Bureau of Investigation director James Comey in May, the stories report.',
			category: 'anonymous'
		},
		{ text: 'his firing of Federal Bureau of Investigation director James Comey in May', category: 'fact' },
		{
			text: 'A day after learning of Sessions’ recusal, Trump took his anger out on aides at the Oval Office, The Times said, citing four people familiar with the incident.',
			category: 'anonymous'
		},
		{
			text: 'With the recusal by Sessions, oversight of Russia-related investigations now falls to Deputy Attorney General Rod Rosenstein.',
			category: 'fact'
		},
		{ text: 'Spicer was asked about this yesterday', category: 'fact' },
		{ text: 'he ducked it by saying he hasn’t discussed the subject with the president', category: 'non-answer' },
		{
			text: 'At one point, Sessions made clear he would be willing to resign if Trump no longer wanted him.',
			category: 'anonymous'
		},
		{
			text: 'the president brought his dissatisfaction with Sessions out into the open himself on Monday',
			category: 'fact'
		},
		{
			text: 'was facing calls to step down after it emerged that he had failed disclose his contacts with Russian ambassador Sergey Kislyak, despite having met him multiple times in 2016',
			category: 'fact'
		},
		{
			text: 'On Tuesday, the White House declined to say whether Trump still had confidence in his attorney general.',
			category: 'non-answer'
		}
	]
};
