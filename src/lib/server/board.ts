/**
 * The dashboard's view of a class, as its charts and tables show it: what the
 * quiz fixes (question texts, labels), sent once with the page, and the
 * figures that change as students work, which are all a live update sends.
 *
 * Reading it costs this assignment alone: attempts left open past its own
 * closing are settled here, not by a sweep over every class.
 */
import { headline } from '../quiz/claims.ts';
import type { Question, Quiz } from '../quiz/schema.ts';
import { assignmentStatus, type Assignment } from './assignments.ts';
import { answerFigures, attemptRows, reportOf, standingPercent, type ClassReport, type ClassRows, type StudentRow, type TallyBar, type WrongChoice } from './dashboard.ts';
import type { Db } from './db/index.ts';
import { settleAttempts } from './settle.ts';

export interface BoardQuestion {
	id: string;
	/** Its place in the quiz, from 1: the number the Questions table shows. */
	number: number;
	type: Question['type'];
	/** A choice or order question's prompt, otherwise its quote. */
	text: string;
	/** The first words of `text`, to name the question in a sentence or on a bar. */
	short: string;
}

export interface BoardSetup {
	questions: BoardQuestion[];
	categories: { id: string; label: string }[];
}

export type StudentLine = Pick<StudentRow, 'name' | 'attemptId' | 'status' | 'attempts' | 'answered' | 'total' | 'points' | 'percent' | 'bestPercent' | 'seconds'>;

export interface QuestionFigures {
	id: string;
	answered: number;
	correct: number;
	/** Whole percent right; null while nobody has answered. The chart and the table both show this one. */
	percent: number | null;
	commonWrong: WrongChoice | null;
	tally: TallyBar[];
	marking: TallyBar[] | null;
}

/** One of the class's main mix-ups: `count` of `answered` chose `chosen` where `right` is right. */
export interface MixUp {
	questionId: string;
	type: 'classify' | 'choice';
	count: number;
	answered: number;
	chosen: string;
	right: string;
}

/** Finished students whose score falls in from..to percent, both included. */
export interface ScoreBin {
	from: number;
	to: number;
	count: number;
}

export interface Figures {
	/** When these figures were read, so a page keeps the newest of what it loaded and what was pushed to it. */
	builtAt: string;
	totals: ClassReport['totals'];
	students: StudentLine[];
	/** In quiz order. */
	questions: QuestionFigures[];
	/** Every question id, the most missed first; questions nobody has answered yet come last, in quiz order. */
	hardest: string[];
	/** counts[i][j]: answers whose right label is categories[i] and chosen is categories[j]. */
	confusion: number[][];
	spread: ScoreBin[];
	mixups: MixUp[];
}

export const MIXUPS_SHOWN = 3;
const SHORT_WORDS = 9;
const BINS: [number, number][] = [
	[0, 19],
	[20, 39],
	[40, 59],
	[60, 79],
	[80, 100]
];

/** The first words of a text, with an ellipsis when some were left out. */
export function firstWords(text: string, words = SHORT_WORDS): string {
	const all = text.split(/\s+/).filter(Boolean);
	return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ').replace(/[,;:.–—-]+$/, '')}…`;
}

export function boardSetup(quiz: Quiz): BoardSetup {
	return {
		questions: quiz.questions.map((q, i) => {
			const text = headline(q);
			return { id: q.id, number: i + 1, type: q.type, text, short: firstWords(text) };
		}),
		categories: quiz.categories.map((c) => ({ id: c.id, label: c.label }))
	};
}

const percentOf = (share: number | null) => (share === null ? null : Math.round(share * 100));

/** Most missed first: the lowest share right, then the lowest mean credit, then quiz order. */
function hardestFirst(report: ClassReport): string[] {
	const asked = report.questions.map((q, i) => ({ q, i }));
	const answered = asked.filter(({ q }) => q.answered > 0);
	answered.sort((a, b) => a.q.shareCorrect! - b.q.shareCorrect! || a.q.meanScore! - b.q.meanScore! || a.i - b.i);
	return [...answered, ...asked.filter(({ q }) => q.answered === 0)].map(({ q }) => q.questionId);
}

function mixupsOf(report: ClassReport, quiz: Quiz): MixUp[] {
	const found: MixUp[] = [];
	for (const q of report.questions) {
		const question = quiz.questions.find((x) => x.id === q.questionId);
		if (!q.commonWrong || !question || question.type === 'cue' || question.type === 'order') continue;
		const right =
			question.type === 'classify'
				? quiz.categories.find((c) => c.id === question.answer)?.label
				: question.options.find((o) => o.id === question.answer)?.text;
		if (right === undefined) continue;
		found.push({ questionId: q.questionId, type: question.type, count: q.commonWrong.count, answered: q.answered, chosen: q.commonWrong.label, right });
	}
	// The most students first; of as many, the larger share of those who answered.
	found.sort((a, b) => b.count - a.count || b.count / b.answered - a.count / a.answered);
	return found.slice(0, MIXUPS_SHOWN);
}

export function figuresOf(report: ClassReport, quiz: Quiz, builtAt: Date): Figures {
	const finished = report.students.map(standingPercent).filter((p) => p !== null);
	return {
		builtAt: builtAt.toISOString(),
		totals: report.totals,
		students: report.students.map(({ name, attemptId, status, attempts, answered, total, points, percent, bestPercent, seconds }) => ({
			name,
			attemptId,
			status,
			attempts,
			answered,
			total,
			points,
			percent,
			bestPercent,
			seconds
		})),
		questions: report.questions.map((q) => ({
			id: q.questionId,
			answered: q.answered,
			correct: q.correct,
			percent: percentOf(q.shareCorrect),
			commonWrong: q.commonWrong,
			tally: q.tally,
			marking: q.marking
		})),
		hardest: hardestFirst(report),
		confusion: report.confusion.counts,
		spread: BINS.map(([from, to]) => ({ from, to, count: finished.filter((p) => p >= from && p <= to).length })),
		mixups: mixupsOf(report, quiz)
	};
}

/** Finishes the attempts still open in this assignment once it has closed, so they show as finished. */
export async function settleIfClosed(db: Db, assignment: Assignment, now: Date): Promise<void> {
	if (assignmentStatus(assignment, now) === 'closed') await settleAttempts(db, { assignmentId: assignment.id }, now.toISOString());
}

/** Where a read takes the class's rows from: the database, every row; or rows kept from the last read (kept-rows.ts). */
export type RowSource = (db: Db, assignmentId: string, now: Date) => Promise<ClassRows>;

const everyRow: RowSource = async (db, assignmentId) => ({
	attempts: await attemptRows(db, assignmentId),
	answers: await answerFigures(db, assignmentId)
});

/** The class's figures now, after settling what this assignment's closing left open. */
export async function readFigures(db: Db, assignment: Assignment, quiz: Quiz, now: Date, rows: RowSource = everyRow): Promise<Figures> {
	await settleIfClosed(db, assignment, now);
	return figuresOf(reportOf(assignment, await rows(db, assignment.id, now), quiz), quiz, now);
}
