/**
 * Where the limits that must hold across app processes keep their state
 * (guessing class codes and manage links, and the codes an address has been
 * let into; the rules are in limits.ts):
 * - one process on a SQLite file: in its memory, as a school's server always
 *   did, so the database holds no network address (README, Privacy);
 * - PostgreSQL, any number of processes: in the database
 *   (db/limit-store.ts), each address as a keyed hash that lives a few hours
 *   at most.
 */
import type { Db } from './db/index.ts';
import { StoredLimits } from './db/limit-store.ts';
import { isPostgresUrl } from './db/postgres.ts';
import { RateLimiter, type RateDecision, type RateRule } from './rate-limit.ts';

export interface SharedLimits {
	/** Would a request be allowed? Takes nothing. */
	check(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision>;
	/** Takes a token if there is one; a refused request takes nothing. */
	consume(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision>;
	letIn(address: string, code: string, until: number): Promise<void>;
	isLetIn(address: string, code: string, now: number): Promise<boolean>;
}

const MAX_ADDRESSES = 50_000;

export class MemoryLimits implements SharedLimits {
	readonly #buckets = new Map<string, RateLimiter>();
	/** Per address: the class codes it may open even past its guessing budget, until when. */
	readonly #letIn = new Map<string, Map<string, number>>();
	/** The clock the buckets read; `now` given to each call is the same clock's reading. */
	readonly #clock: { now: number } = { now: 0 };

	#limiter(name: string, rule: RateRule): RateLimiter {
		let limiter = this.#buckets.get(name);
		if (!limiter) {
			limiter = new RateLimiter(rule, { now: () => this.#clock.now, maxKeys: MAX_ADDRESSES });
			this.#buckets.set(name, limiter);
		}
		return limiter;
	}

	async check(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision> {
		this.#clock.now = now;
		return this.#limiter(name, rule).check(key);
	}

	async consume(name: string, rule: RateRule, key: string, now: number): Promise<RateDecision> {
		this.#clock.now = now;
		return this.#limiter(name, rule).consume(key);
	}

	async letIn(address: string, code: string, until: number): Promise<void> {
		const codes = this.#letIn.get(address) ?? new Map<string, number>();
		codes.set(code, until);
		this.#letIn.delete(address);
		this.#letIn.set(address, codes);
		// Oldest first: a Map keeps insertion order, and each use re-inserts.
		for (const old of this.#letIn.keys()) {
			if (this.#letIn.size <= MAX_ADDRESSES) break;
			this.#letIn.delete(old);
		}
	}

	async isLetIn(address: string, code: string, now: number): Promise<boolean> {
		const until = this.#letIn.get(address)?.get(code);
		return until !== undefined && until > now;
	}
}

/** The shared limits for the store `target` names (a postgres:// URL or a SQLite path). */
export function sharedLimitsFor(target: string, db: () => Promise<Db>): SharedLimits {
	return isPostgresUrl(target) ? new StoredLimits(db, target) : new MemoryLimits();
}
