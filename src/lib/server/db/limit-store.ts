/**
 * The limits that must hold across processes (guessing class codes and
 * manage links, and the codes an address has been let into), kept in the
 * database, so three app processes behind a balancer refuse a guessing script
 * as one would (see shared-limits.ts for when).
 *
 * Addresses are stored as an HMAC keyed by the DATABASE_URL, which every app
 * process has and a copy of the database does not: the rows say "this
 * network guessed", not which network. They live a few hours at most.
 *
 * Taking a token is one transaction: the bucket's row is made if missing,
 * then read with a row lock (PostgreSQL), refilled and written back, so two
 * processes taking from one bucket at once take turns. Rows are few (one per
 * address that guessed) and are pruned by the hourly clean-up.
 */
import { createHmac, createHash } from 'node:crypto';
import { decide, refilled, type RateDecision, type RateRule } from '../rate-limit.ts';
import type { SharedLimits } from '../shared-limits.ts';
import { locksRows } from './dialect.ts';
import type { Db } from './index.ts';
import { inTransaction } from './transaction.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A let-in is written again only when it is older than this, so a class reloading its page does not write on every load. */
const REFRESH_MS = 10 * 60_000;

export class StoredLimits implements SharedLimits {
	readonly #db: () => Promise<Db>;
	readonly #key: Buffer;

	/**
	 * `db` is asked on each use: the app's store opens on the first request,
	 * not when this module loads. `url` is the database's URL, the hashes' key.
	 */
	constructor(db: () => Promise<Db>, url: string) {
		this.#db = db;
		this.#key = createHash('sha256').update(`who-says rate limits\n${url}`).digest();
	}

	#hidden(address: string): string {
		return createHmac('sha256', this.#key).update(address).digest('base64url');
	}

	async check(name: string, rule: RateRule, address: string, now: number): Promise<RateDecision> {
		const db = await this.#db();
		const key = this.#hidden(address);
		const row = await db
			.selectFrom('rate_buckets')
			.select(['tokens', 'counted_at'])
			.where('rule', '=', name)
			.where('key', '=', key)
			.executeTakeFirst();
		const bucket = refilled(rule, row && { tokens: row.tokens, at: Date.parse(row.counted_at) }, now);
		return { ...decide(rule, bucket, 1), remaining: Math.floor(bucket.tokens) };
	}

	async consume(name: string, rule: RateRule, address: string, now: number): Promise<RateDecision> {
		const key = this.#hidden(address);
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
		// A student's page load and join each let their network in: a read spares the second its write (and its commit).
		const fresh = await db
			.selectFrom('let_in')
			.select('until')
			.where('address', '=', this.#hidden(address))
			.where('code', '=', code)
			.where('until', '>=', iso(until - REFRESH_MS))
			.executeTakeFirst();
		if (fresh) return;
		await db
			.insertInto('let_in')
			.values({ address: this.#hidden(address), code, until: iso(until) })
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
			.where('address', '=', this.#hidden(address))
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
