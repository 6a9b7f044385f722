/**
 * Token buckets in memory, one per key (say, the route group and the client's
 * IP). A bucket holds `limit` tokens and refills at `limit` per `windowMs`, so
 * a burst up to the limit goes through and steady traffic is capped at the rate.
 *
 * The app's own rules, and what each is keyed by, are in limits.ts.
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

interface Bucket {
	tokens: number;
	at: number;
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

	#rate(): number {
		return this.#rule.limit / this.#rule.windowMs;
	}

	#refilled(key: string): Bucket {
		const now = this.#now();
		const bucket = this.#buckets.get(key);
		if (!bucket) return { tokens: this.#rule.limit, at: now };
		// A clock that steps back refills nothing rather than taking tokens away.
		const elapsed = Math.max(0, now - bucket.at);
		return { tokens: Math.min(this.#rule.limit, bucket.tokens + elapsed * this.#rate()), at: Math.max(now, bucket.at) };
	}

	#decide(bucket: Bucket, cost: number): Omit<RateDecision, 'remaining'> {
		if (bucket.tokens >= cost) return { allowed: true, retryAfterMs: 0 };
		const retryAfterMs = cost > this.#rule.limit ? Infinity : Math.ceil((cost - bucket.tokens) / this.#rate());
		return { allowed: false, retryAfterMs };
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
