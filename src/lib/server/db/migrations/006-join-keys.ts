/**
 * The join form's one-off key, as a hash, on the attempt it started: the same
 * form sent again soon after (Start pressed twice on a slow network, the first
 * reply and its cookie lost) takes that attempt back instead of finding its
 * name taken. In the database, so every app process behind a balancer knows it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempts').addColumn('join_key_hash', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempts').dropColumn('join_key_hash').execute();
}
