/**
 * npm run db:to-postgres -- data/whosays.db postgres://user:password@host/whosays
 *
 * Moves a school's SQLite file into an empty PostgreSQL database, for a
 * school joining a district (docs/deploy.md):
 * 1. takes the file's lock, so no server is writing to it meanwhile (stop it first);
 * 2. copies it with SQLite's backup, and migrates the copy to the latest
 *    schema, so the file itself is left as it was;
 * 3. migrates the PostgreSQL database and refuses one that already holds classes;
 * 4. copies every class, attempt, answer and teacher session in one
 *    transaction (all of it or nothing), and checks the counts.
 * Rate limits and let-ins are not copied: they are minutes long.
 */
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDb, type Db } from '../src/lib/server/db/index.ts';
import { lockDatabase } from '../src/lib/server/db/lock.ts';
import { isPostgresUrl } from '../src/lib/server/db/postgres.ts';

/** In the order foreign keys need: a row's parent is copied before it. */
export const COPIED = ['assignments', 'attempts', 'answers', 'teacher_sessions', 'manage_grants'] as const;
const CHUNK = 500;

export type Counts = Record<(typeof COPIED)[number], number>;

async function counts(db: Db): Promise<Counts> {
	const entries = await Promise.all(
		COPIED.map(async (table) => {
			const { n } = await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			return [table, Number(n)] as const;
		})
	);
	return Object.fromEntries(entries) as Counts;
}

export async function copySqliteToPostgres(file: string, url: string, say: (line: string) => void = console.log): Promise<Counts> {
	if (!isPostgresUrl(url)) throw new Error(`Not a PostgreSQL URL: give one like postgres://user:password@host:5432/whosays`);
	const unlock = lockDatabase(file);
	const dir = mkdtempSync(path.join(tmpdir(), 'whosays-copy-'));
	let source: Db | undefined;
	let target: Db | undefined;
	try {
		const original = new SQLite(file, { fileMustExist: true, readonly: true });
		try {
			await original.backup(path.join(dir, 'copy.db'));
		} finally {
			original.close();
		}
		source = await createDb(path.join(dir, 'copy.db'));
		target = await createDb(url);
		const before = await counts(target);
		if (before.assignments > 0) throw new Error(`The PostgreSQL database already holds ${before.assignments} assignments; give an empty one`);
		const from = await counts(source);
		await target.transaction().execute(async (trx) => {
			for (const table of COPIED) {
				const rows = await source!.selectFrom(table).selectAll().execute();
				for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto(table).values(rows.slice(i, i + CHUNK)).execute();
				say(`  ${table}: ${rows.length}`);
			}
		});
		const to = await counts(target);
		for (const table of COPIED)
			if (to[table] !== from[table]) throw new Error(`${table}: ${from[table]} rows in the file, ${to[table]} in PostgreSQL`);
		return to;
	} finally {
		await source?.destroy();
		await target?.destroy();
		rmSync(dir, { recursive: true, force: true });
		unlock();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const [file, url] = process.argv.slice(2);
	if (!file || !url) {
		console.error('Usage: npm run db:to-postgres -- data/whosays.db postgres://user:password@host:5432/whosays');
		process.exit(2);
	}
	try {
		console.log(`Copying ${file} into PostgreSQL:`);
		await copySqliteToPostgres(file, url);
		console.log('Done: every row is in PostgreSQL. Start the app processes with DATABASE_URL set (docs/deploy.md); keep the file as a backup.');
	} catch (error) {
		console.error(`Nothing was copied: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
}
