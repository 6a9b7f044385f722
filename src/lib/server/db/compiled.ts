/**
 * Queries on the hot path (a class storing answers), built once with Kysely
 * and run as prepared statements in one synchronous SQLite transaction.
 *
 * Kysely still writes the SQL, from the typed tables, so the text follows the
 * dialect; only the running is SQLite's. Each Kysely query costs several
 * awaits and a fresh compilation, which is most of an answer's database time;
 * run this way, storing an answer takes a fraction of it.
 *
 * Values are given by name: the query is compiled with placeholders
 * (`param('seq')`), and the order Kysely put them in is kept.
 */
import type SQLite from 'better-sqlite3';
import type { Compilable } from 'kysely';

const MARK = '\u0000param:';

/** A placeholder value, to build a query with before it is compiled. */
export function param<T = string>(name: string): T {
	return `${MARK}${name}` as T;
}

export interface Prepared<Row> {
	get(values: Record<string, unknown>): Row | undefined;
	run(values: Record<string, unknown>): SQLite.RunResult;
}

export function prepare<Row>(sqlite: SQLite.Database, query: Compilable<Row>): Prepared<Row> {
	const compiled = query.compile();
	const names = compiled.parameters.map((p) => {
		if (typeof p !== 'string' || !p.startsWith(MARK)) throw new TypeError(`A compiled query has a value that is not a param(): ${String(p)}`);
		return p.slice(MARK.length);
	});
	const statement = sqlite.prepare(compiled.sql);
	const values = (given: Record<string, unknown>) =>
		names.map((n) => {
			if (!(n in given)) throw new TypeError(`No value for ${n}`);
			return given[n];
		});
	return {
		get: (given) => statement.get(...values(given)) as Row | undefined,
		run: (given) => statement.run(...values(given))
	};
}
