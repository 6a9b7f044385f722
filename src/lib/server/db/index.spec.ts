import { sql, type RawBuilder } from 'kysely';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDb, tempSqlite } from '../../../test-support/db.ts';
import { BUSY_TIMEOUT_MS } from './busy.ts';
import { closeDb, getDb } from './index.ts';
import { withStatementCache } from './sqlite.ts';

describe('the database', () => {
	it('creates its folder and every table from an empty start', async () => {
		const { db, path } = await tempSqlite();
		expect(existsSync(path)).toBe(true);
		const tables = await db
			.selectFrom(sql<{ name: string; type: string }>`sqlite_master`.as('m'))
			.select('m.name')
			.where('m.type', '=', 'table')
			.orderBy('m.name')
			.execute();
		expect(tables.map((t) => t.name)).toEqual([
			'answers',
			'assignments',
			'attempts',
			'kysely_migration',
			'kysely_migration_lock',
			'let_in',
			'manage_grants',
			'rate_buckets',
			'sweeps',
			'teacher_sessions'
		]);
		const migrations = await db
			.selectFrom(sql<{ name: string }>`kysely_migration`.as('k'))
			.select('k.name')
			.execute();
		expect(migrations.map((m) => m.name)).toEqual(Object.keys((await import('./migrations/index.ts')).migrations));
	});

	it('sets WAL, NORMAL sync, a busy timeout and foreign keys on its connection', async () => {
		const { db } = await tempSqlite();
		const first = async (query: RawBuilder<Record<string, unknown>>) =>
			Object.values((await query.execute(db)).rows[0] ?? {})[0];
		expect(await first(sql`pragma journal_mode`)).toBe('wal');
		expect(await first(sql`pragma synchronous`)).toBe(1); // NORMAL
		expect(await first(sql`pragma busy_timeout`)).toBe(BUSY_TIMEOUT_MS);
		expect(await first(sql`pragma foreign_keys`)).toBe(1);
	});

	it('opens an already migrated file without migrating again', async () => {
		const handle = await tempDb();
		const db = await handle.reopen();
		const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(db);
		expect(rows[0]?.n).toBe(Object.keys((await import('./migrations/index.ts')).migrations).length);
	});

	describe('getDb', () => {
		const saved = process.env.WHOSAYS_DB;
		const folder = join(tmpdir(), `whosays-getdb-${randomUUID()}`);
		afterEach(async () => {
			await closeDb();
			if (saved === undefined) delete process.env.WHOSAYS_DB;
			else process.env.WHOSAYS_DB = saved;
			rmSync(folder, { recursive: true, force: true });
		});

		it('opens the file named by WHOSAYS_DB once per process', async () => {
			process.env.WHOSAYS_DB = join(folder, 'nested', 'app.db');
			const [a, b] = await Promise.all([getDb(), getDb()]);
			expect(a).toBe(b);
			expect(existsSync(join(folder, 'nested', 'app.db'))).toBe(true);
		});

		it('opens afresh after closeDb', async () => {
			process.env.WHOSAYS_DB = ':memory:';
			const first = await getDb();
			await closeDb();
			const second = await getDb();
			expect(second).not.toBe(first);
		});
	});

	describe('statement cache', () => {
		it('prepares each SQL text once and runs it again with new values', () => {
			const sqlite = new SQLite(':memory:');
			const prepare = vi.spyOn(sqlite, 'prepare');
			const db = withStatementCache(sqlite);
			const first = db.prepare('select ? as v');
			const again = db.prepare('select ? as v');
			expect(again).toBe(first);
			expect(prepare).toHaveBeenCalledTimes(1);
			expect(first.all([1])).toEqual([{ v: 1 }]);
			expect(again.all([2])).toEqual([{ v: 2 }]);
			db.close();
			expect(sqlite.open).toBe(false);
		});

		it('drops the least recently used text past its size', () => {
			const sqlite = new SQLite(':memory:');
			const prepare = vi.spyOn(sqlite, 'prepare');
			const db = withStatementCache(sqlite, 2);
			db.prepare('select 1');
			db.prepare('select 2');
			db.prepare('select 1'); // now the most recently used
			db.prepare('select 3'); // evicts "select 2"
			expect(prepare).toHaveBeenCalledTimes(3);
			db.prepare('select 1');
			expect(prepare).toHaveBeenCalledTimes(3);
			db.prepare('select 2');
			expect(prepare).toHaveBeenCalledTimes(4);
			db.close();
		});

		it('serves Kysely: repeated queries, commits and rollbacks give fresh results', async () => {
			const { db } = await tempSqlite();
			const value = async (n: number) => (await sql<{ v: number }>`select ${n} as v`.execute(db)).rows[0]?.v;
			expect(await value(1)).toBe(1);
			expect(await value(2)).toBe(2);
			await sql`create table t (n integer primary key)`.execute(db);
			for (const n of [1, 2]) await db.transaction().execute((trx) => sql`insert into t (n) values (${n})`.execute(trx));
			await expect(
				db.transaction().execute(async (trx) => {
					await sql`insert into t (n) values (${3})`.execute(trx);
					await sql`insert into t (n) values (${1})`.execute(trx); // primary key clash: all of it rolls back
				})
			).rejects.toThrow(/UNIQUE/);
			const { rows } = await sql<{ n: number }>`select n from t order by n`.execute(db);
			expect(rows.map((r) => r.n)).toEqual([1, 2]);
		});
	});
});
