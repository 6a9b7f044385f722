/**
 * Names compared with look-alike capitals ("Μia" with a Greek Μ is "Mia") and
 * without spaces or punctuation ("Zoe." is "Zoe"): existing keys are computed
 * again, as in 003, by the function that compares names today.
 */
import type { Kysely } from 'kysely';
import { nameKey } from '../../names.ts';

export async function up(db: Kysely<any>): Promise<void> {
	const rows: { id: string; display_name: string }[] = await db.selectFrom('attempts').select(['id', 'display_name']).execute();
	for (const row of rows) await db.updateTable('attempts').set({ name_key: nameKey(row.display_name) }).where('id', '=', row.id).execute();
}

export async function down(): Promise<void> {
	// Keys made by today's comparison still tell the same students apart.
}
