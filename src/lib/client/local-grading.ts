/**
 * The quiz machine for open practice: graded in the browser from the quiz
 * itself, so it works on a slow or dropped connection once the page is loaded.
 */
import { fromPromise } from 'xstate';
import { gradeIn } from '../quiz/grading.ts';
import type { Quiz } from '../quiz/schema.ts';
import { quizMachine, type FinishInput, type FinishOutput, type GradeInput, type GradeOutput } from '../machines/quiz.machine.ts';

export function localGrading(quiz: Quiz) {
	return quizMachine.provide({
		actors: {
			// Test mode reveals nothing until the end, as a server grader would.
			grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) =>
				input.mode === 'test' ? null : gradeIn(quiz, input.questionId, input.answer)
			),
			finish: fromPromise<FinishOutput, FinishInput>(async ({ input }) => {
				const results: FinishOutput = {};
				for (const id of input.round) {
					const answer = input.answers[id];
					if (answer) results[id] = input.results[id] ?? gradeIn(quiz, id, answer);
				}
				return results;
			})
		}
	});
}
