/**
 * Assignments, attempts, answers and teachers' manage sessions.
 *
 * Migrations are frozen once released: they describe the schema as it was,
 * so they take an untyped Kysely and never import today's table types.
 *
 * Written for SQLite and PostgreSQL alike. Fractional scores are `double
 * precision`: in SQLite the same REAL affinity `real` gave (so files made
 * before are unchanged), in PostgreSQL 8 bytes, where `real` would be 4 and
 * read 0.835 back as 0.83499998.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('quiz_slug', 'text', (c) => c.notNull())
		.addColumn('quiz_version', 'text', (c) => c.notNull())
		.addColumn('mode', 'text', (c) => c.notNull())
		.addColumn('shuffle', 'integer', (c) => c.notNull())
		.addColumn('attempts_allowed', 'integer', (c) => c.notNull())
		.addColumn('opens_at', 'text', (c) => c.notNull())
		.addColumn('closes_at', 'text')
		.addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'text')
		.addCheckConstraint('assignments_mode', sql`mode in ('practice', 'test')`)
		.addCheckConstraint('assignments_shuffle', sql`shuffle in (0, 1)`)
		.addCheckConstraint('assignments_attempts_allowed', sql`attempts_allowed >= 0`)
		.execute();

	await db.schema
		.createTable('attempts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('name_key', 'text', (c) => c.notNull())
		.addColumn('resume_token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('question_order', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.addColumn('score', 'double precision')
		.addColumn('max_score', 'integer')
		.execute();
	// Counting a student's attempts, and listing a class, both start here.
	await db.schema.createIndex('attempts_by_student').on('attempts').columns(['assignment_id', 'name_key']).execute();
	// Purging finds recent activity by time.
	await db.schema.createIndex('attempts_by_update').on('attempts').columns(['assignment_id', 'updated_at']).execute();

	await db.schema
		.createTable('answers')
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('answer', 'text', (c) => c.notNull())
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('correct', 'integer', (c) => c.notNull())
		.addColumn('score', 'double precision', (c) => c.notNull())
		.addColumn('chosen_label', 'text')
		.addColumn('expected_label', 'text')
		.addColumn('answered_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('answers_pk', ['attempt_id', 'question_id'])
		.addCheckConstraint('answers_seq', sql`seq >= 0`)
		.addCheckConstraint('answers_correct', sql`correct in (0, 1)`)
		.addCheckConstraint('answers_score', sql`score >= 0 and score <= 1`)
		.execute();

	await db.schema
		.createTable('manage_sessions')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('manage_sessions_by_assignment').on('manage_sessions').column('assignment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['manage_sessions', 'answers', 'attempts', 'assignments']) {
		await db.schema.dropTable(table).execute();
	}
}
