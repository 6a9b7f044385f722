/**
 * The limits that must hold across processes (guessing class codes and
 * manage links, and the codes an address has been let into), kept in the
 * database, so three app processes behind a balancer refuse a guessing script
 * as one would. On one SQLite file it works the same way.
 *
 * Taking a token is one transaction: the bucket's row is made if missing,
 * then read with a row lock (PostgreSQL), refilled and written back, so two
 * processes taking from one bucket at once take turns. Rows are few (one per
 * address that guessed) and are pruned by the hourly clean-up.
 */
import { decide, refilled, type RateDecision, type RateRule } from '../rate-limit.ts';
import { locksRows } from './dialect.ts';
import type { Db } from './index.ts';
import { inTransaction } from './transaction.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A let-in is written again only when it is older than this, so a class reloading its page does not write on every load. */
const REFRESH_MS = 10 * 60_000;

export interface SharedLimits {
	/** Would a request be allowed? Takes nothing. */
	check(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision>;
	/** Takes a token if there is one; a refused request takes nothing. */
	consume(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision>;
	letIn(address: string, code: string, until: number): Promise<void>;
	isLetIn(address: string, code: string, now: number): Promise<boolean>;
}

export class StoredLimits implements SharedLimits {
	readonly #db: () => Promise<Db>;

	/** `db` is asked on each use: the app's store opens on the first request, not when this module loads. */
	constructor(db: () => Promise<Db>) {
		this.#db = db;
	}

	async check(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision> {
		const db = await this.#db();
		const row = await db
			.selectFrom('rate_buckets')
			.select(['tokens', 'counted_at'])
			.where('rule', '=', name)
			.where('key', '=', key)
			.executeTakeFirst();
		const bucket = refilled(rule, row && { tokens: row.tokens, at: Date.parse(row.counted_at) }, now);
		return { ...decide(rule, bucket, 1), remaining: Math.floor(bucket.tokens) };
	}

	async consume(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision> {
		return inTransaction(await this.#db(), async (trx) => {
			await trx
				.insertInto('rate_buckets')
				.values({ rule: name, key, tokens: rule.limit, counted_at: iso(now) })
				.onConflict((oc) => oc.columns(['rule', 'key']).doNothing())
				.execute();
			const row = await trx
				.selectFrom('rate_buckets')
				.select(['tokens', 'counted_at'])
				.where('rule', '=', name)
				.where('key', '=', key)
				.$if(locksRows(trx), (q) => q.forUpdate())
				.executeTakeFirstOrThrow();
			const bucket = refilled(rule, { tokens: row.tokens, at: Date.parse(row.counted_at) }, now);
			const decision = decide(rule, bucket, 1);
			if (decision.allowed) bucket.tokens -= 1;
			await trx
				.updateTable('rate_buckets')
				.set({ tokens: bucket.tokens, counted_at: iso(bucket.at) })
				.where('rule', '=', name)
				.where('key', '=', key)
				.execute();
			return { ...decision, remaining: Math.floor(bucket.tokens) };
		});
	}

	async letIn(address: string, code: string, until: number): Promise<void> {
		const db = await this.#db();
		await db
			.insertInto('let_in')
			.values({ address, code, until: iso(until) })
			.onConflict((oc) =>
				oc
					.columns(['address', 'code'])
					.doUpdateSet((eb) => ({ until: eb.ref('excluded.until') }))
					.where('let_in.until', '<', iso(until - REFRESH_MS))
			)
			.execute();
	}

	async isLetIn(address: string, code: string, now: number): Promise<boolean> {
		const db = await this.#db();
		const row = await db
			.selectFrom('let_in')
			.select('until')
			.where('address', '=', address)
			.where('code', '=', code)
			.where('until', '>', iso(now))
			.executeTakeFirst();
		return row !== undefined;
	}
}

/** Forgets what no longer limits anyone: let-ins past their time, and buckets untouched for `idleMs` (full again by then). */
export async function pruneLimits(db: Db, now: Date, idleMs: number): Promise<void> {
	await db.deleteFrom('let_in').where('until', '<=', now.toISOString()).execute();
	await db.deleteFrom('rate_buckets').where('counted_at', '<', iso(now.getTime() - idleMs)).execute();
}
