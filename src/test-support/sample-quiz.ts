/**
 * A small quiz for unit tests: every question type, the default categories,
 * and curly punctuation, like a real article.
 */
import type { QuizInput } from '../lib/quiz/schema.ts';

export const sampleQuiz = {
	format: 1,
	title: 'Sample: the bridge vote',
	article: {
		headline: 'Council delays bridge vote',
		outlet: 'The Sample Gazette',
		fictional: true,
		paragraphs: [
			'The council voted 5–2 on Monday to delay the bridge repair, the minutes show.',
			'The mayor reportedly wants the money for a stadium, according to two people familiar with the talks.',
			'Asked about the stadium, a spokesperson said: “I won’t get into that today.”'
		]
	},
	questions: [
		{
			type: 'classify',
			id: 'vote',
			quote: 'The council voted 5–2 on Monday to delay the bridge repair, the minutes show.',
			answer: 'fact',
			cues: ['the minutes show'],
			explanation: 'The vote is in the public minutes, so anyone can check it.',
			whyNot: {
				anonymous: 'Nobody hidden is speaking: the minutes are a public record.',
				'non-answer': 'Nobody is refusing to answer here.'
			}
		},
		{
			type: 'classify',
			id: 'stadium',
			quote: 'The mayor reportedly wants the money for a stadium',
			answer: 'anonymous',
			cite: true,
			cues: ['reportedly'],
			explanation: '“Reportedly” means someone told a reporter, and we are not told who.',
			whyNot: {
				fact: 'Nothing here is on the record; the claim rests on unnamed people.',
				'non-answer': 'The mayor is not refusing to answer; others are talking about the mayor.'
			}
		},
		{
			type: 'classify',
			id: 'dodge',
			quote: 'Asked about the stadium, a spokesperson said: “I won’t get into that today.”',
			answer: 'non-answer',
			cues: ['I won’t get into that today'],
			explanation: 'The spokesperson declines to answer. That is not a yes and not a no.',
			whyNot: {
				fact: 'What the spokesperson said is on record, but it tells you nothing about the stadium.',
				anonymous: 'The speaker has a role and speaks on the record; no hidden source is used.'
			}
		},
		{
			type: 'cue',
			id: 'familiar',
			quote: 'according to two people familiar with the talks',
			cues: ['according to', 'two people familiar with'],
			explanation: 'The people are counted but not named, so you cannot check them.',
			decoys: [{ text: 'talks', whyNot: '“Talks” is what they discussed, not who is speaking.' }]
		},
		{
			type: 'choice',
			id: 'denial',
			prompt: 'Did the spokesperson deny the stadium plan?',
			quote: 'I won’t get into that today.',
			options: [
				{ id: 'yes', text: 'Yes, that is a denial.', whyNot: 'A denial says “no”. Declining to answer says nothing either way.' },
				{ id: 'no', text: 'No: a non-answer.' }
			],
			answer: 'no',
			explanation: 'Declining to answer is neither a yes nor a no.'
		}
	]
} satisfies QuizInput;

/** An order question on the sample article, kept apart so the sample quiz stays as the server's tests know it. */
export const sampleOrder = {
	type: 'order',
	id: 'support',
	prompt: 'Put these claims in order: best supported first.',
	items: [
		{
			id: 'minutes',
			quote: 'The council voted 5–2 on Monday to delay the bridge repair, the minutes show.',
			explanation: 'The minutes are a public record anyone can read.'
		},
		{
			id: 'two-people',
			quote: 'according to two people familiar with the talks',
			explanation: 'Two people, counted and said to know the talks, but unnamed.'
		},
		{
			id: 'reportedly',
			quote: 'The mayor reportedly wants the money for a stadium',
			explanation: '“Reportedly” alone: not even a count of who says so.'
		}
	],
	explanation: 'A record beats counted unnamed people, who beat a bare “reportedly”.'
} satisfies QuizInput['questions'][number];

// TypeScript widens the literal whyNot objects with `fact?: undefined`, which a Record refuses; the values are the same.
const questions = sampleQuiz.questions as QuizInput['questions'];
export const sampleQuizWithOrder: QuizInput = { ...sampleQuiz, questions: [...questions, sampleOrder] };
