/**
 * Request bodies of the assignment endpoints. Routes parse with these before
 * calling a service, and answer failures with `fail(400, { errors:
 * z.treeifyError(result.error) })`. Objects are strict, so a mistyped field is
 * named in the error, except an answer's envelope, whose extra fields (a score
 * a tampered client computed, say) are dropped unread.
 */
import { z } from 'zod';
import { LIMITS } from '../quiz/limits.ts';
import { FEEDBACK_MODES } from '../quiz/modes.ts';
import { AnswerSchema } from '../quiz/schema.ts';
import { cleanName } from './names.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const TITLE_CHARS = 120;
export const NAME_CHARS = 40;
export const MAX_ATTEMPTS_ALLOWED = 100;

/** A moment with its time zone, kept as UTC ISO text. A browser sends `date.toISOString()`. */
const moment = (what: string) =>
	z.iso
		.datetime({
			offset: true,
			error: `${what} must be a date and time with a time zone, like "2025-03-01T09:00:00Z"`
		})
		.transform((value) => new Date(value).toISOString());

export const CreateAssignmentSchema = z
	.strictObject({
		quizSlug: z
			.string({ error: 'Choose a quiz' })
			.regex(SLUG, { error: 'quizSlug must be the name of a quiz as in its address, like "city-council-vote"' }),
		title: z
			.string({ error: 'The title must be text' })
			.trim()
			.min(1, { error: 'The title is empty; leave it out to use the quiz title' })
			.max(TITLE_CHARS, { error: `The title is too long (limit ${TITLE_CHARS} characters)` })
			.optional()
			.describe("What students see; the quiz's own title if left out."),
		mode: z
			.enum(FEEDBACK_MODES, {
				error: 'mode must be "practice" (feedback after every answer) or "test" (feedback at the end)'
			})
			.default('practice'),
		shuffle: z.boolean({ error: 'shuffle must be true or false' }).default(false),
		attemptsAllowed: z
			.int({ error: 'attemptsAllowed must be a whole number (0 for unlimited)' })
			.min(0, { error: 'attemptsAllowed cannot be negative (0 means unlimited)' })
			.max(MAX_ATTEMPTS_ALLOWED, { error: `attemptsAllowed is at most ${MAX_ATTEMPTS_ALLOWED} (0 means unlimited)` })
			.default(1),
		opensAt: moment('opensAt').optional().describe('When students may start; now if left out.'),
		closesAt: moment('closesAt').optional().describe('When answers stop being accepted; never if left out.')
	})
	.refine((v) => !v.opensAt || !v.closesAt || v.closesAt > v.opensAt, {
		error: 'The closing time must be after the opening time',
		path: ['closesAt']
	});
export type CreateAssignment = z.output<typeof CreateAssignmentSchema>;

/** The join form's one-off key (a token, see tokens.ts); anything else is ignored, and the join goes on without it. */
export const JoinKeySchema = z.string().regex(/^[\w-]{43}$/);

interface NameWords {
	/** When no text came at all. */
	notText: string;
	missing: string;
	tooLong: string;
	signs: string;
	noLetter: string;
	/** Marks piled on one letter, which spill over the lines around the name. */
	stacked: string;
}

/** A student's name as their teacher will see it: NFKC, nothing invisible, single-spaced (see names.ts). */
const nameSchema = (words: NameWords) =>
	z
		.string({ error: words.notText })
		.overwrite(cleanName)
		// abort: one clear message for an empty or long name, not three.
		.min(1, { error: words.missing, abort: true })
		.max(NAME_CHARS, { error: words.tooLong, abort: true })
		// Letters of any script (José, Zoë, Nguyễn), and the typographic apostrophe tablets type.
		.regex(/^[\p{L}\p{M}\p{N} .'’-]+$/u, { error: words.signs, abort: true })
		.refine((value) => /[\p{L}\p{N}]/u.test(value), { error: words.noLetter, abort: true })
		// Two marks on a letter are a name (a Hindi vowel sign and its nasal mark); three or more are decoration.
		.refine((value) => !/\p{M}{3}/u.test(value), { error: words.stacked });

/** The name a student types to join, with messages spoken to the student. */
export const DisplayNameSchema = nameSchema({
	notText: 'Type your name',
	missing: 'Type your name, the way your teacher knows you',
	tooLong: `Your name is too long: use at most ${NAME_CHARS} characters`,
	signs: "Use only letters, digits, spaces and the signs . - ' in your name",
	noLetter: 'Your name needs at least one letter or digit',
	stacked: 'Use letters without marks stacked on them in your name'
});

/** The same rules for a teacher renaming a student, with messages spoken to the teacher. */
export const RenameSchema = nameSchema({
	notText: "Type the student's new name",
	missing: "Type the student's new name",
	tooLong: `That name is too long: use at most ${NAME_CHARS} characters`,
	signs: "Use only letters, digits, spaces and the signs . - ' in a student's name",
	noLetter: "A student's name needs at least one letter or digit",
	stacked: "Use letters without marks stacked on them in a student's name"
});

const QuestionIdSchema = z
	.string({ error: 'questionId must be the id of a question' })
	.regex(SLUG, { error: 'questionId must be the id of a question, like "q3"' })
	.max(64, { error: 'questionId is too long' });

/**
 * The attempt a student's page was made for. The cookie says whose attempt a
 * request is for; this only lets the server refuse a page left open for an
 * attempt the browser has since left for another (a shared Chromebook, two
 * tabs), which would otherwise write into the attempt the cookie now holds.
 */
const PageAttemptSchema = z.uuid({ error: 'attempt must be the id of the attempt the page was made for' });

/**
 * Not strict, unlike the others: a score, a verdict or any other field a client
 * adds is dropped here, unread, and the server grades the answer itself. The
 * answer inside stays strict.
 */
export const SubmitAnswerSchema = z.object({
	attempt: PageAttemptSchema.optional(),
	questionId: QuestionIdSchema,
	answer: AnswerSchema,
	seq: z
		.int({ error: 'seq must be a whole number that grows with every answer sent' })
		.min(0, { error: 'seq cannot be negative' })
		.max(2 ** 31 - 1, { error: 'seq is too large' })
});
export type SubmitAnswer = z.output<typeof SubmitAnswerSchema>;

/** Open practice: one answer to check, nothing stored (extra fields dropped, as for an assignment). */
export const PracticeCheckSchema = z.object({ questionId: QuestionIdSchema, answer: AnswerSchema });

/** Open practice in test mode: every answer at the end, to be graded together. */
export const PracticeResultsSchema = z.strictObject({
	answers: z
		.record(QuestionIdSchema, AnswerSchema, { error: 'answers must map question ids to answers' })
		.refine((answers) => Object.keys(answers).length <= LIMITS.questions, { error: 'Too many answers for one quiz' })
});

/**
 * Finishing an attempt takes the student's cookie and, optionally, the page's
 * attempt (as an answer does) and the questions whose verdicts the page already shows (practice mode), so that the
 * reply carries only the others. Naming a question here only leaves its
 * verdict out of the reply; it changes nothing stored.
 */
export const FinishAttemptSchema = z.strictObject(
	{
		attempt: PageAttemptSchema.optional(),
		shown: z
			.array(QuestionIdSchema, { error: 'shown must be a list of question ids' })
			.max(LIMITS.questions, { error: `shown names at most ${LIMITS.questions} questions, one per question of a quiz` })
			.optional()
	},
	{ error: 'Finishing takes a JSON object: {}, or {"attempt": the id of the page\'s attempt, "shown": [the ids of the questions whose verdicts the page shows]}' }
);

/** Deleting an assignment asks the teacher to tick a confirmation box. */
export const CloseAssignmentSchema = z.strictObject({
	confirm: z.literal('yes', {
		error: 'Tick the box to confirm: closing ends every attempt under way, and a closed assignment cannot be opened again.'
	})
});

export const DeleteAssignmentSchema = z.strictObject({
	confirm: z.literal('yes', {
		error: 'Tick the box to confirm: deleting removes every answer and cannot be undone.'
	})
});

export type Parsed<T> = { ok: true; data: T } | { ok: false; status: 400 | 415; message: string };

/** Whether a Content-Type names JSON itself ("application/json", with parameters), not a type that merely mentions it. */
export function isJson(contentType: string | null): boolean {
	return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A JSON request body checked against its schema, or the status and words of a refusal. */
export function parseBody<T extends z.ZodType>(contentType: string | null, text: string, schema: T): Parsed<z.output<T>> {
	if (!isJson(contentType)) return { ok: false, status: 415, message: 'Send the body as JSON (Content-Type: application/json).' };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, status: 400, message: 'The body is not valid JSON.' };
	}
	const result = schema.safeParse(json);
	return result.success ? { ok: true, data: result.data } : { ok: false, status: 400, message: firstProblem(result.error) };
}

/** The first thing wrong with a request body, where it is and what: "seq: seq cannot be negative". */
function firstProblem(error: z.ZodError): string {
	const first = error.issues[0];
	const where = first?.path.length ? `${first.path.join('.')}: ` : '';
	return `${where}${first?.message ?? 'The request is not valid.'}`;
}
