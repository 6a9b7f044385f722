/**
 * The quiz machine graded from the quiz itself, answer key and all: on the
 * server for a student without scripts (the server holds every quiz), and in
 * an author's preview of the file they are writing. A student's page never
 * holds a key.
 */
import { fromPromise } from 'xstate';
import { gradeIn, type Graded } from '../quiz/grading.ts';
import type { Answer, Quiz } from '../quiz/schema.ts';
import { quizMachine, type FinishInput, type FinishOutput, type GradeInput, type GradeOutput } from './quiz.machine.ts';

/** The verdict on one answer; an answer the question cannot take is refused. */
export function gradeAnswer(quiz: Quiz, questionId: string, answer: Answer): Graded {
	const checked = gradeIn(quiz, questionId, answer);
	if (!checked.ok) throw new RangeError(checked.message);
	return checked.graded;
}

/** Verdicts on the answers of a round that have none yet. */
export function gradeRound(quiz: Quiz, input: Pick<FinishInput, 'round' | 'answers' | 'results'>): FinishOutput {
	const results: FinishOutput = {};
	for (const id of input.round) {
		const answer = input.answers[id];
		if (answer && !input.results[id]) results[id] = gradeAnswer(quiz, id, answer);
	}
	return results;
}

export function keyGrading(quiz: Quiz) {
	return quizMachine.provide({
		actors: {
			// Test mode reveals nothing until the end.
			grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) =>
				input.mode === 'test' ? null : gradeAnswer(quiz, input.questionId, input.answer)
			),
			finish: fromPromise<FinishOutput, FinishInput>(async ({ input }) => gradeRound(quiz, input))
		}
	});
}
