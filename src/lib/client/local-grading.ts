/**
 * The quiz machine graded in the browser from the quiz itself: for an
 * author's preview of a quiz file they are writing, which is theirs to see.
 * Students' pages never hold a key; the server grades them.
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
