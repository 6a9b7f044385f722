/**
 * Refusals a route turns into an HTTP answer. Each carries a code to branch on,
 * the status a route should send, and a message a student or teacher can read.
 */
export const PROBLEMS = {
	'assignment-not-found': 404,
	'attempt-not-found': 404,
	'attempt-left': 401,
	'quiz-not-found': 404,
	'not-open-yet': 403,
	closed: 403,
	'attempts-used': 403,
	'name-taken': 409,
	'attempt-finished': 409,
	'unknown-question': 400,
	'wrong-answer-type': 400,
	'invalid-answer': 400,
	'invalid-dates': 400,
	'invalid-opening': 400
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export class AssignmentError extends Error {
	override readonly name = 'AssignmentError';
	readonly status: number;

	constructor(
		readonly code: ProblemCode,
		message: string
	) {
		super(message);
		this.status = PROBLEMS[code];
	}
}

export function isAssignmentError(error: unknown, code?: ProblemCode): error is AssignmentError {
	return error instanceof AssignmentError && (code === undefined || error.code === code);
}
