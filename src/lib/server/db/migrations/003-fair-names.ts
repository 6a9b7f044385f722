/**
 * Fair names. A teacher can let a student back into an attempt from another
 * browser (`claim_until`: until when the next join under that name takes the
 * attempt over), and names are compared by their look, so existing keys are
 * computed again with the new comparison.
 *
 * The one migration that uses today's code: a key derived from a name must be
 * made by the function that compares names, or two equal names would differ.
 */
import type { Kysely } from 'kysely';
import { nameKey } from '../../names.ts';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempts').addColumn('claim_until', 'text').execute();
	const rows: { id: string; display_name: string }[] = await db.selectFrom('attempts').select(['id', 'display_name']).execute();
	for (const row of rows) await db.updateTable('attempts').set({ name_key: nameKey(row.display_name) }).where('id', '=', row.id).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempts').dropColumn('claim_until').execute();
}
