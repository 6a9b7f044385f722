/**
 * Row types as the database stores them. Kept apart from the domain types in
 * ../assignments.ts so a change of storage (SQLite today, PostgreSQL later)
 * stays inside src/lib/server/db.
 *
 * Portable choices: ids are text (random UUIDs, so links do not reveal how many
 * assignments exist), times are ISO 8601 text in UTC (which sorts and compares
 * correctly as text), booleans are 0/1 and JSON is text.
 */
import type { Selectable } from 'kysely';

import type { FeedbackMode } from '../../quiz/modes.ts';

export interface AssignmentTable {
	id: string;
	/** The student code, stored without its hyphen: "K7M4PX". */
	code: string;
	title: string;
	quiz_slug: string;
	/** The quiz's version when the assignment was made. */
	quiz_version: string;
	mode: FeedbackMode;
	shuffle: 0 | 1;
	/** 0 means unlimited. */
	attempts_allowed: number;
	opens_at: string;
	closes_at: string | null;
	/** SHA-256 of the manage token, hex. The token itself is never stored. */
	manage_token_hash: string;
	created_at: string;
	closed_at: string | null;
}

export interface AttemptTable {
	id: string;
	assignment_id: string;
	display_name: string;
	/** The name as compared (see names.ts): "Sam B", " sam  b" and "Ѕam B" are one student. */
	name_key: string;
	/** Set by the teacher: until then, the next join under this name takes this attempt over from another browser. */
	claim_until: string | null;
	resume_token_hash: string;
	/** The hash of the one-off key of the join form that started it (see migrations/006-join-keys.ts). */
	join_key_hash: string | null;
	/** JSON array of question ids in the order this student is asked them. */
	question_order: string;
	/** JSON object: per choice question, its option ids in the order this student sees them. */
	option_order: string;
	started_at: string;
	updated_at: string;
	finished_at: string | null;
	/** Points earned (partial credit makes it fractional), set when finished. */
	score: number | null;
	/** Questions asked, set when finished. */
	max_score: number | null;
}

export interface AnswerTable {
	attempt_id: string;
	question_id: string;
	/** The student's Answer as JSON. */
	answer: string;
	/** The client's sequence number; a lower one never replaces a higher one. */
	seq: number;
	correct: 0 | 1;
	score: number;
	/** classify: the category chosen; choice: the option chosen; cue: null. */
	chosen_label: string | null;
	/** classify: the right category; choice: the right option; cue: null. */
	expected_label: string | null;
	answered_at: string;
}

/** A browser a teacher manages classes from: one cookie, however many classes. */
export interface TeacherSessionTable {
	/** SHA-256 of the cookie value, hex. */
	id_hash: string;
	created_at: string;
	expires_at: string;
}

/** Which assignments a teacher session opens. */
export interface ManageGrantTable {
	session_hash: string;
	assignment_id: string;
	granted_at: string;
}

/** A token bucket of a limit that holds across processes (limits.ts). */
export interface RateBucketTable {
	/** The rule's name in limits.ts: codeGuesses, manageGuesses. */
	rule: string;
	/** What the rule counts by: an address (IPv4, or IPv6 /64). */
	key: string;
	tokens: number;
	/** When `tokens` was counted. */
	counted_at: string;
}

/** A class code an address may open past its guessing budget, until when. */
export interface LetInTable {
	address: string;
	code: string;
	until: string;
}

/** When a periodic job last ran, whichever process ran it. */
export interface SweepTable {
	name: string;
	ran_at: string;
}

export interface Database {
	assignments: AssignmentTable;
	attempts: AttemptTable;
	answers: AnswerTable;
	teacher_sessions: TeacherSessionTable;
	manage_grants: ManageGrantTable;
	rate_buckets: RateBucketTable;
	let_in: LetInTable;
	sweeps: SweepTable;
}

export type AssignmentRow = Selectable<AssignmentTable>;
export type AttemptRow = Selectable<AttemptTable>;
export type AnswerRow = Selectable<AnswerTable>;
