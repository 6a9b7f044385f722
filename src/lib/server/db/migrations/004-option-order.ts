/**
 * Each student's own order of a choice question's options, drawn when the
 * attempt starts (see student-order.ts). Attempts started before it have
 * none, and keep seeing the options in the quiz's order.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('attempts')
		.addColumn('option_order', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempts').dropColumn('option_order').execute();
}
