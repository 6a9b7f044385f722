/**
 * One teacher session per browser, granted each assignment it opens, instead
 * of a session (and a cookie) per assignment: a teacher who opened a few
 * hundred classes over a year had a few hundred cookies, and past about 170 a
 * browser's requests are too large for the server (431). Existing sessions
 * keep working: each becomes a session with the one grant it had.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('teacher_sessions')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('manage_grants')
		.addColumn('session_hash', 'text', (c) => c.notNull().references('teacher_sessions.id_hash').onDelete('cascade'))
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
		.addColumn('granted_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('manage_grants_pk', ['session_hash', 'assignment_id'])
		.execute();
	await db.schema.createIndex('manage_grants_by_assignment').on('manage_grants').column('assignment_id').execute();

	await sql`insert into teacher_sessions (id_hash, created_at, expires_at)
		select id_hash, created_at, expires_at from manage_sessions`.execute(db);
	await sql`insert into manage_grants (session_hash, assignment_id, granted_at)
		select id_hash, assignment_id, created_at from manage_sessions`.execute(db);
	await db.schema.dropTable('manage_sessions').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('manage_sessions')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('manage_sessions_by_assignment').on('manage_sessions').column('assignment_id').execute();
	// A session with several grants comes back as its first one.
	await sql`insert into manage_sessions (id_hash, assignment_id, created_at, expires_at)
		select s.id_hash, min(g.assignment_id), s.created_at, s.expires_at
		from teacher_sessions s join manage_grants g on g.session_hash = s.id_hash
		group by s.id_hash, s.created_at, s.expires_at`.execute(db);
	await db.schema.dropTable('manage_grants').execute();
	await db.schema.dropTable('teacher_sessions').execute();
}
