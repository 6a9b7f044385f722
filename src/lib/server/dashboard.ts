/**
 * The teacher's view of a class: one row per student, how each question went,
 * and which labels the class mixes up.
 *
 * A student who joined more than once is shown by their latest attempt, and
 * the question figures and the confusion matrix count those latest attempts
 * only, so every number on the page describes the same set of answers.
 */
import { headline } from '../quiz/claims.ts';
import { citedMarksScore } from '../quiz/grading.ts';
import type { Question, Quiz } from '../quiz/schema.ts';
import { STATUS_TEXT, type StudentStatus } from '../quiz/status.ts';
import { findAssignment, type Assignment } from './assignments.ts';
import { csvText, type CsvValue } from './csv.ts';
import type { Db } from './db/index.ts';
import type { AnswerRow, AttemptRow } from './db/tables.ts';
import { AssignmentError } from './errors.ts';
import { parseOrder, roundPoints } from './settle.ts';


export interface StudentAnswer {
	correct: boolean;
	/** Credit from 0 to 1. */
	score: number;
	/** classify: category id chosen; choice: option id chosen; cue: null. */
	chosen: string | null;
}

export interface StudentRow {
	name: string;
	attemptId: string;
	status: StudentStatus;
	/** Attempts this name has started. */
	attempts: number;
	answered: number;
	/** Questions asked. */
	total: number;
	/** Points so far (the final score once finished). */
	points: number;
	/** Whole percent, once finished. */
	percent: number | null;
	/** The best finished attempt of this name, in whole percent: what a retake under way does not hide. */
	bestPercent: number | null;
	startedAt: string;
	finishedAt: string | null;
	/** From start to finish, once finished. */
	seconds: number | null;
	/** By question id; unanswered questions are absent. */
	answers: Record<string, StudentAnswer>;
}

export interface WrongChoice {
	/** Category id (classify) or option id (choice). */
	id: string;
	/** What students saw: the category label or the option text. */
	label: string;
	count: number;
}

/** How many chose one answer to a question: a label, an option, or (cue questions) how many cue words they found. */
export interface TallyBar {
	/** Category id, option id, or 'all' | 'some' | 'none' for cue questions. */
	id: string;
	label: string;
	count: number;
	/** The right answer (for cue questions: every cue word found). */
	right: boolean;
}

export interface QuestionReport {
	questionId: string;
	type: Question['type'];
	/** What identifies the question to a teacher: a choice or order question's prompt, otherwise its quote. */
	text: string;
	answered: number;
	correct: number;
	/** 0..1, null while nobody has answered. */
	shareCorrect: number | null;
	/** Mean credit 0..1, counting partial credit; null while nobody has answered. */
	meanScore: number | null;
	/** The wrong label (classify) or option (choice) chosen most often; null for cue questions or when none. */
	commonWrong: WrongChoice | null;
	/** What the class answered, a bar per label or option, in the order students saw them. */
	tally: TallyBar[];
	/** A label question that also asks for the cue words: how many marked every one, some, none. Null otherwise. */
	marking: TallyBar[] | null;
}

export interface ConfusionMatrix {
	categories: { id: string; label: string }[];
	/** counts[i][j]: classify answers whose right category is categories[i] and chosen is categories[j]. */
	counts: number[][];
}

export interface ClassReport {
	assignment: Assignment;
	questionCount: number;
	students: StudentRow[];
	questions: QuestionReport[];
	confusion: ConfusionMatrix;
	/**
	 * By student. `finished`: those with a score that counts (`standingPercent`), `retaking` of them with a retake
	 * under way; `inProgress` and `notStarted`: the others. The average is of the scores that count.
	 */
	totals: { students: number; finished: number; retaking: number; inProgress: number; notStarted: number; meanPercent: number | null };
}

// Map.groupBy arrives in Node 21; delete this once the server runs on it.
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

const percentOf = (points: number, total: number) => (total === 0 ? 0 : Math.round((points / total) * 100));

/** An answer as the report counts it. */
export type AnswerFigures = Pick<AnswerRow, 'attempt_id' | 'question_id' | 'correct' | 'score' | 'chosen_label' | 'expected_label'>;

/** What a report is made of: the class's attempts and their answers. */
export interface ClassRows {
	attempts: AttemptRow[];
	answers: AnswerFigures[];
}

export function attemptRows(db: Db, assignmentId: string): Promise<AttemptRow[]> {
	return db.selectFrom('attempts').selectAll().where('assignment_id', '=', assignmentId).orderBy('started_at').orderBy('id').execute();
}

/** The class's answers; with `since`, only those given (or changed) at that time or later. */
export function answerFigures(db: Db, assignmentId: string, since?: string): Promise<AnswerFigures[]> {
	let query = db
		.selectFrom('answers')
		.innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
		.select(['answers.attempt_id', 'answers.question_id', 'answers.correct', 'answers.score', 'answers.chosen_label', 'answers.expected_label'])
		.where('attempts.assignment_id', '=', assignmentId);
	if (since !== undefined) query = query.where('answers.answered_at', '>=', since);
	return query.execute();
}

export async function classReport(db: Db, assignmentId: string, quiz: Quiz): Promise<ClassReport> {
	const assignment = await findAssignment(db, assignmentId);
	if (!assignment) throw new AssignmentError('assignment-not-found', 'This assignment does not exist any more');
	return reportOf(assignment, { attempts: await attemptRows(db, assignmentId), answers: await answerFigures(db, assignmentId) }, quiz);
}

/** Bars for questions graded with partial credit, where no single wrong choice stands out. */
const BAR_WORDS = {
	cue: ['Found every cue word', 'Found some', 'Found none'],
	order: ['All in the right order', 'Partly in order', 'No pair in order']
} as const;

function creditBars(given: readonly AnswerFigures[], [all, some, none]: readonly [string, string, string]): TallyBar[] {
	return [
		{ id: 'all', label: all, count: given.filter((a) => a.score >= 1).length, right: true },
		{ id: 'some', label: some, count: given.filter((a) => a.score > 0 && a.score < 1).length, right: false },
		{ id: 'none', label: none, count: given.filter((a) => a.score <= 0).length, right: false }
	];
}

/**
 * The score of a student that counts in the class's figures: their latest attempt's once finished; while a
 * retake is under way (or was closed before its first answer), their best finished attempt's. Null with none.
 */
export function standingPercent(s: Pick<StudentRow, 'percent' | 'bestPercent'>): number | null {
	return s.percent ?? s.bestPercent;
}

/** The report, from the class's rows: attempts sorted by start, answers in any order. */
export function reportOf(assignment: Assignment, { attempts, answers }: ClassRows, quiz: Quiz): ClassReport {
	const byAttempt = groupBy(answers, (a) => a.attempt_id);

	// Attempts are sorted by start, so the last one seen per name is the latest.
	const students: StudentRow[] = [];
	for (const group of groupBy(attempts, (a) => a.name_key).values()) {
		const latest = group.at(-1)!;
		const mine = byAttempt.get(latest.id) ?? [];
		const total = latest.max_score ?? parseOrder(latest.question_order).length;
		const points = latest.score ?? mine.reduce((n, a) => n + a.score, 0);
		// An attempt closed (by the teacher or the deadline) before its first answer was never started: no 0% in the class's figures.
		const finished = latest.finished_at !== null && mine.length > 0;
		const best = group
			.filter((a) => a.finished_at !== null && a.score !== null && a.max_score !== null && (byAttempt.get(a.id)?.length ?? 0) > 0)
			.map((a) => percentOf(a.score!, a.max_score!));
		students.push({
			name: latest.display_name,
			attemptId: latest.id,
			status: finished ? 'finished' : mine.length ? 'in-progress' : 'not-started',
			attempts: group.length,
			answered: mine.length,
			total,
			points: roundPoints(points),
			percent: finished ? percentOf(points, total) : null,
			bestPercent: best.length ? Math.max(...best) : null,
			startedAt: latest.started_at,
			finishedAt: finished ? latest.finished_at : null,
			seconds: finished ? Math.round((Date.parse(latest.finished_at!) - Date.parse(latest.started_at)) / 1000) : null,
			answers: Object.fromEntries(
				mine.map((a) => [a.question_id, { correct: a.correct === 1, score: a.score, chosen: a.chosen_label }])
			)
		});
	}
	// One collator for the sort: localeCompare with a locale builds one per comparison, most of a report's time.
	const byName = new Intl.Collator(quiz.language);
	students.sort((a, b) => byName.compare(a.name, b.name) || a.startedAt.localeCompare(b.startedAt));

	const counted = new Set(students.map((s) => s.attemptId));
	const byQuestion = groupBy(
		answers.filter((a) => counted.has(a.attempt_id)),
		(a) => a.question_id
	);
	const categoryIds = quiz.categories.map((c) => c.id);
	const counts = categoryIds.map(() => categoryIds.map(() => 0));

	const questions = quiz.questions.map((question): QuestionReport => {
		const given = byQuestion.get(question.id) ?? [];
		const correct = given.filter((a) => a.correct === 1).length;
		const choices =
			question.type === 'classify'
				? quiz.categories.map((c) => ({ id: c.id, label: c.label }))
				: question.type === 'choice'
					? question.options.map((o) => ({ id: o.id, label: o.text }))
					: [];
		const chosen = new Map<string, number>();
		// Wrong as graded when stored, should the quiz's key have changed since.
		const chosenWrong = new Map<string, number>();
		for (const a of given) {
			if (a.chosen_label === null) continue;
			chosen.set(a.chosen_label, (chosen.get(a.chosen_label) ?? 0) + 1);
			if (a.chosen_label !== a.expected_label) chosenWrong.set(a.chosen_label, (chosenWrong.get(a.chosen_label) ?? 0) + 1);
		}
		const right = question.type === 'cue' || question.type === 'order' ? null : question.answer;
		let commonWrong: WrongChoice | null = null;
		// In the order students saw the choices, so a tie goes to the first one listed.
		for (const choice of choices) {
			const count = chosenWrong.get(choice.id) ?? 0;
			if (count > 0 && count > (commonWrong?.count ?? 0)) commonWrong = { ...choice, count };
		}
		const tally: TallyBar[] =
			question.type === 'cue' || question.type === 'order'
				? creditBars(given, BAR_WORDS[question.type])
				: choices.map((c) => ({ ...c, count: chosen.get(c.id) ?? 0, right: c.id === right }));
		// The cue words' half of each answer's credit, apart from the label's half.
		const marking =
			question.type === 'classify' && question.cite
				? creditBars(
						given.map((a) => ({ ...a, score: citedMarksScore(a.score, a.chosen_label === a.expected_label) })),
						BAR_WORDS.cue
					)
				: null;
		if (question.type === 'classify') {
			for (const a of given) {
				const i = categoryIds.indexOf(a.expected_label ?? '');
				const j = categoryIds.indexOf(a.chosen_label ?? '');
				if (i >= 0 && j >= 0) counts[i]![j]!++;
			}
		}
		return {
			questionId: question.id,
			type: question.type,
			text: headline(question),
			answered: given.length,
			correct,
			shareCorrect: given.length ? correct / given.length : null,
			meanScore: given.length ? roundPoints(given.reduce((n, a) => n + a.score, 0) / given.length) : null,
			commonWrong,
			tally,
			marking
		};
	});

	const scored = students.filter((s) => standingPercent(s) !== null);
	return {
		assignment,
		questionCount: quiz.questions.length,
		students,
		questions,
		confusion: { categories: quiz.categories.map((c) => ({ id: c.id, label: c.label })), counts },
		totals: {
			students: students.length,
			finished: scored.length,
			retaking: scored.filter((s) => s.status !== 'finished').length,
			inProgress: students.filter((s) => s.status === 'in-progress' && standingPercent(s) === null).length,
			notStarted: students.filter((s) => s.status === 'not-started' && standingPercent(s) === null).length,
			meanPercent: scored.length ? Math.round(scored.reduce((n, s) => n + standingPercent(s)!, 0) / scored.length) : null
		}
	};
}

/**
 * The class as a gradebook sheet: one row per student, then the credit for
 * each question (blank when unanswered), headed by the question ids.
 */
/** "2026-12-01 13:47": a date and time every spreadsheet reads as one, where it leaves an ISO string as text. */
function spreadsheetTime(iso: string | null): string | null {
	return iso === null ? null : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function toCsv(report: ClassReport): string {
	const ids = report.questions.map((q) => q.questionId);
	// Numbered as the dashboard numbers them, with the quiz's id to find the question in its file.
	const questions = ids.map((id, i) => `Q${i + 1} ${id}`);
	const header: CsvValue[] = ['Name', 'Status', 'Score (%)', 'Best finished score (%)', 'Points', 'Questions', 'Answered', 'Minutes', 'Attempts', 'Started (UTC)', 'Finished (UTC)', ...questions];
	const rows = report.students.map((s): CsvValue[] => [
		s.name,
		STATUS_TEXT[s.status],
		s.percent,
		s.bestPercent,
		s.points,
		s.total,
		s.answered,
		s.seconds === null ? null : Math.round(s.seconds / 6) / 10,
		s.attempts,
		spreadsheetTime(s.startedAt),
		spreadsheetTime(s.finishedAt),
		...ids.map((id) => s.answers[id]?.score)
	]);
	return csvText([header, ...rows]);
}
