import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	CreateAssignmentSchema,
	isJson,
	CloseAssignmentSchema,
	DeleteAssignmentSchema,
	DisplayNameSchema,
	RenameSchema,
	FinishAttemptSchema,
	SubmitAnswerSchema
} from './requests.ts';
import { formatCode, newStudentCode, normalizeCode } from '../class-code.ts';
import { LIMITS } from '../quiz/limits.ts';

const messages = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((i) => i.message) ?? [];

describe('the JSON content type', () => {
	it('is application/json itself, with or without parameters, and nothing that merely mentions it', () => {
		for (const ok of ['application/json', 'application/json; charset=utf-8', ' Application/JSON ']) expect(isJson(ok), ok).toBe(true);
		for (const no of ['text/plain; x=application/json', 'application/jsonx', 'application/json-patch+json', 'text/plain', '', null])
			expect(isJson(no), String(no)).toBe(false);
	});
});

describe('the display name', () => {
	it('drops what nobody can see before it checks the name', () => {
		expect(DisplayNameSchema.parse('Em\u034Fma\uFE0F')).toBe('Emma');
		expect(DisplayNameSchema.parse('Ｅｍｍａ')).toBe('Emma');
		expect(DisplayNameSchema.safeParse('\u3164\u115F').success).toBe(false);
	});

	it('is trimmed, single-spaced and may use letters of any script', () => {
		expect(DisplayNameSchema.parse('  Sam   B. ')).toBe('Sam B.');
		for (const name of ['Zoë', 'José Núñez', 'Nguyễn Văn An', "O'Brien", 'O’Brien', 'Anne-Marie', 'Jo 2', 'हिँदी']) {
			expect(DisplayNameSchema.parse(name)).toBe(name);
		}
		// Typed with its two marks apart, as some keyboards send it: one letter, as it looks.
		expect(DisplayNameSchema.parse('Nguye\u0302\u0303n')).toBe('Nguyễn');
	});

	it('refuses an empty, long or odd name with a message a student understands', () => {
		expect(messages(DisplayNameSchema.safeParse('   '))).toEqual(['Type your name, the way your teacher knows you']);
		expect(messages(DisplayNameSchema.safeParse('x'.repeat(41)))).toEqual(['Your name is too long: use at most 40 characters']);
		expect(messages(DisplayNameSchema.safeParse('<script>'))).toEqual([
			"Use only letters, digits, spaces and the signs . - ' in your name"
		]);
		expect(messages(DisplayNameSchema.safeParse('=1+1'))).toHaveLength(1);
		expect(messages(DisplayNameSchema.safeParse('...'))).toEqual(['Your name needs at least one letter or digit']);
		expect(messages(DisplayNameSchema.safeParse(42))).toEqual(['Type your name']);
		expect(messages(DisplayNameSchema.safeParse(`Z${'\u0300'.repeat(8)}`))).toEqual(['Use letters without marks stacked on them in your name']);
	});
});

describe('the class code', () => {
	it('is made, normalised and shown the way students read it', () => {
		expect(newStudentCode(() => 0)).toBe('222222');
		expect(formatCode('K7M4PX')).toBe('K7M-4PX');
		expect(normalizeCode(' k7m–4px ')).toBe('K7M4PX');
		expect(normalizeCode('K7M-4P')).toBeNull();
		expect(normalizeCode('K7M-4P0')).toBeNull(); // zero is never in a code
	});
});

describe('an answer submission', () => {
	it('takes a question id, an answer and a sequence number, and drops a score or verdict unread', () => {
		const body = { questionId: 'vote', answer: { type: 'classify', category: 'fact' }, seq: 3 };
		expect(SubmitAnswerSchema.parse(body)).toEqual(body);
		expect(SubmitAnswerSchema.parse({ ...body, score: 1, correct: true, points: 99 })).toEqual(body);
		expect(messages(SubmitAnswerSchema.safeParse({ ...body, seq: -1 }))).toEqual(['seq cannot be negative']);
		expect(messages(SubmitAnswerSchema.safeParse({ ...body, seq: 1.5 }))).toEqual([
			'seq must be a whole number that grows with every answer sent'
		]);
		expect(SubmitAnswerSchema.safeParse({ ...body, answer: { type: 'classify', category: 'fact', score: 1 } }).success).toBe(false);
	});
});

describe('a new assignment', () => {
	it('fills in practice mode, no shuffle and one attempt, and keeps times in UTC', () => {
		expect(
			CreateAssignmentSchema.parse({ quizSlug: 'bridge-vote', opensAt: '2025-03-03T10:00:00+01:00', closesAt: '2025-03-03T12:00:00Z' })
		).toEqual({
			quizSlug: 'bridge-vote',
			mode: 'practice',
			shuffle: false,
			attemptsAllowed: 1,
			opensAt: '2025-03-03T09:00:00.000Z',
			closesAt: '2025-03-03T12:00:00.000Z'
		});
	});

	it('refuses times without a zone, a closing before the opening, and unknown fields', () => {
		const zoneless = CreateAssignmentSchema.safeParse({ quizSlug: 'bridge-vote', opensAt: '2025-03-03T10:00' });
		expect(messages(zoneless)).toEqual(['opensAt must be a date and time with a time zone, like "2025-03-01T09:00:00Z"']);
		const backwards = CreateAssignmentSchema.safeParse({
			quizSlug: 'bridge-vote',
			opensAt: '2025-03-03T10:00:00Z',
			closesAt: '2025-03-03T09:00:00Z'
		});
		expect(backwards.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['closesAt', 'The closing time must be after the opening time']
		]);
		expect(CreateAssignmentSchema.safeParse({ quizSlug: 'bridge-vote', manageToken: 'x' }).success).toBe(false);
		expect(messages(CreateAssignmentSchema.safeParse({ quizSlug: 'bridge-vote', attemptsAllowed: -1 }))).toEqual([
			'attemptsAllowed cannot be negative (0 means unlimited)'
		]);
	});
});

describe('finishing and deleting', () => {
	it('finishing takes an empty object or the questions whose verdicts the page shows; deleting needs the ticked box', () => {
		expect(FinishAttemptSchema.safeParse({}).success).toBe(true);
		expect(FinishAttemptSchema.safeParse({ shown: ['vote', 'dodge'] }).data).toEqual({ shown: ['vote', 'dodge'] });
		expect(messages(FinishAttemptSchema.safeParse({ score: 100 }))).toEqual([expect.stringMatching(/^Finishing takes a JSON object: {}, or {"attempt": .*, "shown"/)]);
		expect(messages(FinishAttemptSchema.safeParse({ attempt: 'mine' }))).toEqual(['attempt must be the id of the attempt the page was made for']);
		expect(messages(FinishAttemptSchema.safeParse({ shown: 'vote' }))).toEqual(['shown must be a list of question ids']);
		expect(messages(FinishAttemptSchema.safeParse({ shown: Array.from({ length: LIMITS.questions + 1 }, (_, i) => `q${i}`) }))).toEqual([
			expect.stringMatching(/^shown names at most \d+ questions/)
		]);
		expect(messages(FinishAttemptSchema.safeParse([]))).toEqual([expect.stringMatching(/^Finishing takes a JSON object/)]);
		expect(DeleteAssignmentSchema.safeParse({ confirm: 'yes' }).success).toBe(true);
		expect(DeleteAssignmentSchema.safeParse({}).error?.issues[0]?.message).toMatch(/Tick the box/);
		expect(CloseAssignmentSchema.safeParse({ confirm: 'yes' }).success).toBe(true);
		expect(CloseAssignmentSchema.safeParse({}).error?.issues[0]?.message).toMatch(/^Tick the box to confirm: closing ends every attempt/);
		// A teacher renaming a student is told about the student's name, not "your name".
		expect(RenameSchema.safeParse('   ').error?.issues.map((i) => i.message)).toEqual(["Type the student's new name"]);
		expect(RenameSchema.safeParse('Ben!').error?.issues.map((i) => i.message)).toEqual(["Use only letters, digits, spaces and the signs . - ' in a student's name"]);
		expect(RenameSchema.safeParse(' Benny ').data).toBe('Benny');
	});
});
