/**
 * Token buckets, one per key (say, the route group and the client's IP). A
 * bucket holds `limit` tokens and refills at `limit` per `windowMs`, so a
 * burst up to the limit goes through and steady traffic is capped at the rate.
 *
 * The arithmetic (`refilled`, `decide`) is shared by the buckets kept in this
 * process (RateLimiter) and those kept in the database for every process
 * (db/limit-store.ts). The app's own rules, and what each is keyed by, are in
 * limits.ts.
 */

export interface RateRule {
	/** Bucket size: the burst allowed, and the requests allowed per window. */
	limit: number;
	windowMs: number;
}

export interface RateDecision {
	allowed: boolean;
	/** Whole tokens left (after this request's, if it took them). */
	remaining: number;
	/** When refused, how long until the request would be allowed (for a Retry-After header). */
	retryAfterMs: number;
}

export interface RateLimiterOptions {
	/** Milliseconds since some fixed point; injected so tests control time. */
	now?: () => number;
	/** Buckets kept at most; past it, full buckets (which equal no bucket) are dropped first. */
	maxKeys?: number;
}

export interface Bucket {
	tokens: number;
	/** When `tokens` was last counted, in the clock's milliseconds. */
	at: number;
}

/** The bucket at `now`, refilled for the time passed; a key without one has a full bucket. */
export function refilled(rule: RateRule, bucket: Bucket | undefined, now: number): Bucket {
	if (!bucket) return { tokens: rule.limit, at: now };
	// A clock that steps back refills nothing rather than taking tokens away.
	const elapsed = Math.max(0, now - bucket.at);
	return { tokens: Math.min(rule.limit, bucket.tokens + elapsed * (rule.limit / rule.windowMs)), at: Math.max(now, bucket.at) };
}

/** Whether `cost` tokens can be taken from a refilled bucket, and if not, how long until they can. */
export function decide(rule: RateRule, bucket: Bucket, cost: number): Omit<RateDecision, 'remaining'> {
	if (bucket.tokens >= cost) return { allowed: true, retryAfterMs: 0 };
	const retryAfterMs = cost > rule.limit ? Infinity : Math.ceil((cost - bucket.tokens) / (rule.limit / rule.windowMs));
	return { allowed: false, retryAfterMs };
}

export class RateLimiter {
	readonly #rule: RateRule;
	readonly #now: () => number;
	readonly #maxKeys: number;
	readonly #buckets = new Map<string, Bucket>();

	constructor(rule: RateRule, options: RateLimiterOptions = {}) {
		if (rule.limit <= 0 || rule.windowMs <= 0) throw new RangeError('A rate rule needs a positive limit and window');
		this.#rule = rule;
		this.#now = options.now ?? Date.now;
		this.#maxKeys = options.maxKeys ?? 50_000;
	}

	get size(): number {
		return this.#buckets.size;
	}

	/** Would a request of this cost be allowed? Takes nothing. */
	check(key: string, cost = 1): RateDecision {
		const bucket = this.#refilled(key);
		return { ...this.#decide(bucket, cost), remaining: Math.floor(bucket.tokens) };
	}

	/** Takes `cost` tokens if there are enough; a refused request takes nothing. */
	consume(key: string, cost = 1): RateDecision {
		const bucket = this.#refilled(key);
		const decision = this.#decide(bucket, cost);
		if (decision.allowed) bucket.tokens -= cost;
		this.#store(key, bucket);
		return { ...decision, remaining: Math.floor(bucket.tokens) };
	}

	#refilled(key: string): Bucket {
		return refilled(this.#rule, this.#buckets.get(key), this.#now());
	}

	#decide(bucket: Bucket, cost: number): Omit<RateDecision, 'remaining'> {
		return decide(this.#rule, bucket, cost);
	}

	#store(key: string, bucket: Bucket): void {
		this.#buckets.delete(key);
		this.#buckets.set(key, bucket);
		if (this.#buckets.size > this.#maxKeys) this.#prune();
	}

	#prune(): void {
		for (const [key] of this.#buckets) {
			const b = this.#refilled(key);
			if (b.tokens >= this.#rule.limit) this.#buckets.delete(key);
		}
		// Still too many: drop the least recently used (Map keeps insertion order, and #store re-inserts).
		for (const key of this.#buckets.keys()) {
			if (this.#buckets.size <= this.#maxKeys) break;
			this.#buckets.delete(key);
		}
	}
}
