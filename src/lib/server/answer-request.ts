/** The answer endpoint's work, apart from the framework, so it is tested without a server. */
import { storeAnswer } from './answer-store.ts';
import { findAssignmentByCode, type GetQuiz } from './assignments.ts';
import type { Db } from './db/index.ts';
import { isAssignmentError } from './errors.ts';
import { parseBody, SubmitAnswerSchema } from './requests.ts';
import { normalizeCode } from '../class-code.ts';

export interface AnswerRequest {
	/** The class code as it stands in the address. */
	code: string;
	/** The hash of the student's resume token from the attempt cookie, or null when it holds none (hashIfToken). */
	tokenHash: string | null;
	contentType: string | null;
	body: string;
}

export interface AnswerResponse {
	status: number;
	body: unknown;
	/** The class the answer was stored in, when it was. */
	assignmentId?: string;
}

export const NO_ATTEMPT =
	'This page can no longer save answers to your attempt at this assignment: it may have been finished in another tab, or moved to another device.';
export const GONE = 'This assignment no longer exists: your teacher deleted it, with every answer in it.';

const refuse = (status: number, message: string): AnswerResponse => ({ status, body: { message } });

/**
 * Why a request that no attempt answers to is refused: the class may be gone, with the attempt its key was for,
 * or the key no longer opens an attempt here. Not on any hot path.
 */
export async function withoutAttempt(db: Db, code: string): Promise<{ status: 401 | 404; message: string }> {
	return (await findAssignmentByCode(db, code)) ? { status: 401, message: NO_ATTEMPT } : { status: 404, message: GONE };
}

/** Stores and grades one answer. The attempt comes from the cookie, never from the body. */
export async function answerRequest(request: AnswerRequest, db: Db, now: Date, getQuiz: GetQuiz): Promise<AnswerResponse> {
	const code = normalizeCode(request.code);
	if (!code || request.tokenHash === null) return refuse(401, NO_ATTEMPT);
	const parsed = parseBody(request.contentType, request.body, SubmitAnswerSchema);
	if (!parsed.ok) return refuse(parsed.status, parsed.message);
	try {
		const stored = await storeAnswer(db, { tokenHash: request.tokenHash, code }, parsed.data, now, getQuiz);
		if (stored) return { status: 200, body: stored.result, assignmentId: stored.assignmentId };
		const refused = await withoutAttempt(db, code);
		return refuse(refused.status, refused.message);
	} catch (error) {
		if (isAssignmentError(error)) return refuse(error.status, error.message);
		throw error;
	}
}
