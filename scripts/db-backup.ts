/**
 * npm run db:backup -- data/whosays.db backups/whosays-2025-03-01.db
 *
 * A consistent copy of a school's SQLite file, taken while the server keeps
 * running: SQLite's online backup reads the database as one snapshot, the
 * write-ahead log included, which copying the file would miss (recent commits
 * sit in whosays.db-wal until a checkpoint). The copy is an ordinary SQLite
 * file: to restore, stop the server and put it in place of the file (and
 * remove whosays.db-wal and whosays.db-shm beside it).
 */
import SQLite from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function backupSqlite(file: string, copy: string): Promise<void> {
	if (existsSync(copy)) throw new Error(`${copy} already exists; name a new file`);
	mkdirSync(path.dirname(path.resolve(copy)), { recursive: true });
	const source = new SQLite(file, { fileMustExist: true, readonly: true });
	try {
		await source.backup(copy);
	} finally {
		source.close();
	}
	const check = new SQLite(copy, { readonly: true });
	try {
		const result = check.pragma('quick_check', { simple: true });
		if (result !== 'ok') throw new Error(`the copy failed its check: ${String(result)}`);
	} finally {
		check.close();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const [file, copy] = process.argv.slice(2);
	if (!file || !copy) {
		console.error('Usage: npm run db:backup -- data/whosays.db backups/whosays-2025-03-01.db');
		process.exit(2);
	}
	try {
		await backupSqlite(file, copy);
		console.log(`Backed up ${file} to ${copy}.`);
	} catch (error) {
		console.error(`No backup: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
}
