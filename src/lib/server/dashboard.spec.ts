import { describe, expect, it } from 'vitest';
import type { Answer } from '../quiz/schema.ts';
import { finishAttempt, resumeAttempt, startAttempt } from './attempts.ts';
import { closeAssignment } from './assignments.ts';
import { classReport, toCsv } from './dashboard.ts';
import { figuresOf } from './board.ts';
import type { Db } from './db/index.ts';
import { isAssignmentError } from './errors.ts';
import { assign, at, getQuiz, quiz, submit, tempDb } from '../../test-support/db.ts';

type Plan = { name: string; start: number; answers: [string, Answer][]; finish?: number };

const classify = (category: string): Answer => ({ type: 'classify', category });
const ALL_CUE_WORDS: Answer = { type: 'cue', marked: [0, 1, 2, 3, 4, 5] };

/**
 * Ana tries twice (0%, then 100%), Ben finishes with nothing right, Cy is
 * halfway, Dee has joined and answered nothing.
 */
const CLASS: Plan[] = [
	{ name: 'Ana', start: 1, answers: [['vote', classify('anonymous')]], finish: 3 },
	{
		name: 'Ben',
		start: 2,
		answers: [
			['vote', classify('anonymous')],
			['stadium', { type: 'classify', category: 'fact', marked: [] }],
			['dodge', classify('anonymous')],
			['denial', { type: 'choice', option: 'yes' }]
		],
		finish: 7
	},
	{ name: 'Cy', start: 4, answers: [['vote', classify('anonymous')], ['dodge', classify('fact')]] },
	{ name: 'Dee', start: 5, answers: [] },
	{
		name: 'Ana',
		start: 20,
		answers: [
			['vote', classify('fact')],
			['stadium', { type: 'classify', category: 'anonymous', marked: [2] }],
			['dodge', classify('non-answer')],
			['familiar', ALL_CUE_WORDS],
			['denial', { type: 'choice', option: 'no' }]
		],
		finish: 30
	}
];

async function seed(db: Db, plans: Plan[] = CLASS) {
	const { assignment } = await assign(db, { mode: 'test', attemptsAllowed: 2, title: 'Period 3' });
	for (const plan of plans) {
		const { resumeToken } = await startAttempt(db, assignment.code, plan.name, at(plan.start), { getQuiz });
		const attempt = (await resumeAttempt(db, resumeToken))!;
		let seq = 0;
		for (const [questionId, answer] of plan.answers)
			await submit(db, resumeToken, { questionId, answer, seq: seq++ }, at(plan.start + seq));
		if (plan.finish !== undefined) await finishAttempt(db, attempt, at(plan.finish), getQuiz);
	}
	return assignment;
}

describe('the class report', () => {
	it('has one row per student, from their latest attempt', async () => {
		const { db } = await tempDb();
		const assignment = await seed(db);
		const report = await classReport(db, assignment.id, quiz);
		expect(report.assignment.title).toBe('Period 3');
		expect(report.questionCount).toBe(5);
		expect(
			report.students.map(({ name, status, attempts, answered, total, points, percent, bestPercent, seconds }) => ({
				name,
				status,
				attempts,
				answered,
				total,
				points,
				percent,
				bestPercent,
				seconds
			}))
		).toEqual([
			{ name: 'Ana', status: 'finished', attempts: 2, answered: 5, total: 5, points: 5, percent: 100, bestPercent: 100, seconds: 600 },
			{ name: 'Ben', status: 'finished', attempts: 1, answered: 4, total: 5, points: 0, percent: 0, bestPercent: 0, seconds: 300 },
			{ name: 'Cy', status: 'in-progress', attempts: 1, answered: 2, total: 5, points: 0, percent: null, bestPercent: null, seconds: null },
			{ name: 'Dee', status: 'not-started', attempts: 1, answered: 0, total: 5, points: 0, percent: null, bestPercent: null, seconds: null }
		]);
		expect(report.students[2]?.answers).toEqual({
			vote: { correct: false, score: 0, chosen: 'anonymous' },
			dodge: { correct: false, score: 0, chosen: 'fact' }
		});
		expect(report.totals).toEqual({ students: 4, finished: 2, retaking: 0, inProgress: 1, notStarted: 1, meanPercent: 50 });
	});

	it('gives each question its share correct and the wrong answer chosen most', async () => {
		const { db } = await tempDb();
		const report = await classReport(db, (await seed(db)).id, quiz);
		expect(report.questions.map(({ questionId, answered, correct, shareCorrect, commonWrong }) => ({ questionId, answered, correct, shareCorrect, commonWrong }))).toEqual([
			{ questionId: 'vote', answered: 3, correct: 1, shareCorrect: 1 / 3, commonWrong: { id: 'anonymous', label: 'Anonymous-source claim', count: 2 } },
			{ questionId: 'stadium', answered: 2, correct: 1, shareCorrect: 0.5, commonWrong: { id: 'fact', label: 'Confirmed fact', count: 1 } },
			// A tie goes to the label listed first.
			{ questionId: 'dodge', answered: 3, correct: 1, shareCorrect: 1 / 3, commonWrong: { id: 'fact', label: 'Confirmed fact', count: 1 } },
			{ questionId: 'familiar', answered: 1, correct: 1, shareCorrect: 1, commonWrong: null },
			{ questionId: 'denial', answered: 2, correct: 1, shareCorrect: 0.5, commonWrong: { id: 'yes', label: 'Yes, that is a denial.', count: 1 } }
		]);
		const first = quiz.questions[0]!;
		expect(report.questions[0]).toMatchObject({ type: 'classify', text: first.type === 'classify' ? first.quote : '', meanScore: 0.33 });
		expect(report.questions[4]).toMatchObject({ type: 'choice', text: 'Did the spokesperson deny the stadium plan?' });
	});

	it('tallies what the class chose for each question, a bar per label, option or share of cue words found', async () => {
		const { db } = await tempDb();
		const report = await classReport(db, (await seed(db)).id, quiz);
		const tally = (id: string) => report.questions.find((q) => q.questionId === id)!.tally.map(({ id, count, right }) => [id, count, right]);
		expect(tally('vote')).toEqual([
			['fact', 1, true],
			['anonymous', 2, false],
			['non-answer', 0, false]
		]);
		expect(tally('denial')).toEqual([
			['yes', 1, false],
			['no', 1, true]
		]);
		expect(tally('familiar')).toEqual([
			['all', 1, true],
			['some', 0, false],
			['none', 0, false]
		]);
	});

	it('counts the class confusion matrix of right label against chosen label', async () => {
		const { db } = await tempDb();
		const report = await classReport(db, (await seed(db)).id, quiz);
		expect(report.confusion.categories.map((c) => c.id)).toEqual(['fact', 'anonymous', 'non-answer']);
		expect(report.confusion.counts).toEqual([
			[1, 2, 0], // vote is a fact: Ana right, Ben and Cy chose anonymous
			[1, 1, 0], // stadium is anonymous: Ana right, Ben chose fact
			[1, 1, 1] //  dodge is a non-answer: Ana right, Ben anonymous, Cy fact
		]);
	});

	it('counts a student who joined but never answered as not started when the teacher closes, not as a 0% in the average', async () => {
		const { db } = await tempDb();
		const assignment = await seed(db);
		await closeAssignment(db, assignment.id, at(40));
		const report = await classReport(db, assignment.id, quiz);
		expect(report.students.map((s) => [s.name, s.status, s.percent, s.finishedAt === null])).toEqual([
			['Ana', 'finished', 100, false],
			['Ben', 'finished', 0, false],
			['Cy', 'finished', 0, false],
			['Dee', 'not-started', null, true]
		]);
		expect(report.totals).toEqual({ students: 4, finished: 3, retaking: 0, inProgress: 0, notStarted: 1, meanPercent: 33 });
	});

	it('keeps the best finished score of a student whose retake is under way, in their row and in the class figures', async () => {
		const { db } = await tempDb();
		const retaking: Plan[] = [
			{ name: 'Eli', start: 1, answers: [['vote', classify('fact')]], finish: 3 },
			{ name: 'Eli', start: 10, answers: [['vote', classify('anonymous')]] },
			{ name: 'Fay', start: 2, answers: [['vote', classify('anonymous')]] }
		];
		const report = await classReport(db, (await seed(db, retaking)).id, quiz);
		expect(report.students.map((s) => [s.name, s.status, s.attempts, s.percent, s.bestPercent])).toEqual([
			['Eli', 'in-progress', 2, null, 20],
			['Fay', 'in-progress', 1, null, null]
		]);
		expect(toCsv(report).split('\r\n')[1]).toMatch(/^Eli,Answering,,20,/);
		// Eli's 20% stays in the average and the spread while the retake runs: the class did not lose a finished student.
		expect(report.totals).toEqual({ students: 2, finished: 1, retaking: 1, inProgress: 1, notStarted: 0, meanPercent: 20 });
		expect(figuresOf(report, quiz, new Date()).spread.find((b) => b.from <= 20 && 20 <= b.to)?.count).toBe(1);
	});

	it('is empty but whole for a class nobody has joined, and refused for an unknown assignment', async () => {
		const { db } = await tempDb();
		const { assignment } = await assign(db);
		const report = await classReport(db, assignment.id, quiz);
		expect(report.students).toEqual([]);
		expect(report.questions.every((q) => q.shareCorrect === null && q.commonWrong === null)).toBe(true);
		expect(report.totals.meanPercent).toBeNull();
		await expect(classReport(db, 'nope', quiz)).rejects.toSatisfy((e) => isAssignmentError(e, 'assignment-not-found'));
	});
});

describe('the class as CSV', () => {
	const sheet = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

	it('is a gradebook sheet with a BOM, CRLF lines and a column per question', async () => {
		const { db } = await tempDb();
		const csv = toCsv(await classReport(db, (await seed(db)).id, quiz));
		expect(csv.startsWith('\uFEFFName,Status,')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(6); // header, four students, and the final line end
		expect(lines[0]).toBe(
			'Name,Status,Score (%),Best finished score (%),Points,Questions,Answered,Minutes,Attempts,Started (UTC),Finished (UTC),Q1 vote,Q2 stadium,Q3 dodge,Q4 familiar,Q5 denial'
		);
		expect(lines[1]).toBe(`Ana,Finished,100,100,5,5,5,10,2,${sheet(at(20))},${sheet(at(30))},1,1,1,1,1`);
		expect(lines[3]).toBe(`Cy,Answering,,,0,5,2,,1,${sheet(at(4))},,0,,0,,`);
		expect(lines[5]).toBe('');
	});

	it('makes a name a spreadsheet would run as a formula inert', async () => {
		const { db } = await tempDb();
		const assignment = await seed(db, [{ name: '-2 Eve', start: 1, answers: [] }]);
		const csv = toCsv(await classReport(db, assignment.id, quiz));
		expect(csv.split('\r\n')[1]).toMatch(/^'-2 Eve,"Joined, no answers yet",/);
	});
});
