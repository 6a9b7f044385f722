/**
 * The app's rate limits, each fitted to how a class uses the app. A class sits
 * behind one school address, so nothing a class does together may count
 * against them all:
 *
 * - Class codes. Only failed lookups that are not a near miss of a real code
 *   count (a student's typo is one letter off, a script's guess is not), 30
 *   per 10 minutes per address. Past that, an address may still open the
 *   codes it has already been let into, and the code of a class whose teacher
 *   has its dashboard open from that address; any other code is refused before
 *   it is looked up, so a script learns nothing more.
 * - Manage links and dashboards. A teacher with a session is never limited
 *   (the dashboard polls); only failed links count, in a budget of their own.
 * - Answers and finishing, per attempt: one student's flood never slows a
 *   classmate.
 * - Joining, creating assignments and open-practice checks, per address, with
 *   room for a class of 40 at once.
 *
 * Addresses are keyed by IPv4 address or IPv6 /64, since one IPv6 client
 * holds a whole /64.
 *
 * Where the buckets live: the class-code and manage-link limits, and the codes
 * an address is let into, must hold however many app processes serve a
 * district, so they are kept where every process sees them (shared-limits.ts:
 * in the database on PostgreSQL). The others are brakes on a flood and are
 * kept in each process's memory: behind a balancer with N processes, a client
 * gets up to N times their allowance, which still stops a flood.
 */
import { getDb, storeTarget } from './db/index.ts';
import { RateLimiter, type RateRule } from './rate-limit.ts';
import { sharedLimitsFor, type SharedLimits } from './shared-limits.ts';

export interface Refusal {
	status: 429;
	message: string;
	/** Whole seconds, for the Retry-After header. */
	retryAfter: number;
}

const MINUTE = 60_000;

export const RULES = {
	codeGuesses: { limit: 30, windowMs: 10 * MINUTE },
	manageGuesses: { limit: 30, windowMs: 10 * MINUTE },
	joins: { limit: 200, windowMs: 10 * MINUTE },
	creates: { limit: 60, windowMs: 10 * MINUTE },
	practice: { limit: 2_400, windowMs: MINUTE },
	attempt: { limit: 120, windowMs: MINUTE }
} satisfies Record<string, RateRule>;

export type AddressGroup = 'joins' | 'creates' | 'practice';

/** The limits kept in each process's memory. */
type LocalRule = AddressGroup | 'attempt';

const MESSAGES = {
	codeGuesses: 'Too many wrong class codes from this network. Open the link or QR code your teacher shared, or wait and try again.',
	manageGuesses: 'Too many manage links that do not work from this network. Check that the link was copied whole, then wait and try again.',
	joins: 'Many people have joined from this network in the last few minutes. Wait a minute, then try again.',
	creates: 'Many assignments were created from this network in the last few minutes. Wait a minute, then try again.',
	practice: 'Too many answers from this network at once. Wait a moment; your answer is kept.',
	attempt: 'Answers are arriving faster than anyone can read. Wait a moment; your answers are kept.'
};

/** How long an address stays let in to a class code it opened, or one a teacher vouched for. */
const LET_IN_MS = 3 * 60 * MINUTE;
const MAX_ADDRESSES = 50_000;

/** How long a shared bucket is kept untouched before the clean-up drops it: by then it is full again. */
export const SHARED_BUCKET_IDLE_MS = Math.max(RULES.codeGuesses.windowMs, RULES.manageGuesses.windowMs);

/** An IPv4 address as it is, an IPv6 address by its /64, an IPv4-mapped IPv6 address as IPv4. */
export function addressKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1]!;
	if (!address.includes(':')) return address;
	const [head = '', tail = ''] = address.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
	return `${groups.slice(0, 4).map((g) => parseInt(g || '0', 16).toString(16)).join(':')}::/64`;
}

export interface LimitsOptions {
	/** Milliseconds since the epoch; injected so tests control time. */
	now?: () => number;
	/** Where the limits that hold across processes are kept. */
	shared: SharedLimits;
}

export class Limits {
	readonly #now: () => number;
	readonly #buckets: Record<LocalRule, RateLimiter>;
	readonly #shared: SharedLimits;

	constructor({ now = Date.now, shared }: LimitsOptions) {
		this.#now = now;
		this.#shared = shared;
		const limiter = (rule: RateRule) => new RateLimiter(rule, { now, maxKeys: MAX_ADDRESSES });
		this.#buckets = {
			joins: limiter(RULES.joins),
			creates: limiter(RULES.creates),
			practice: limiter(RULES.practice),
			attempt: limiter(RULES.attempt)
		};
	}

	#refusal(rule: keyof typeof RULES, retryAfterMs: number): Refusal {
		return { status: 429, message: MESSAGES[rule], retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
	}

	#take(rule: LocalRule, key: string): Refusal | null {
		const decision = this.#buckets[rule].consume(key);
		return decision.allowed ? null : this.#refusal(rule, decision.retryAfterMs);
	}

	/** Before a typed class code is looked up: null to go ahead, or why not. */
	async beforeCodeLookup(address: string, code: string): Promise<Refusal | null> {
		const key = addressKey(address);
		const decision = await this.#shared.check('codeGuesses', RULES.codeGuesses, key, this.#now());
		if (decision.allowed || (await this.#shared.isLetIn(key, code, this.#now()))) return null;
		return this.#refusal('codeGuesses', decision.retryAfterMs);
	}

	/** After a lookup: a found code is let in; a miss costs a guess unless it was a typo of a real code. */
	async afterCodeLookup(address: string, code: string, outcome: 'found' | 'near-miss' | 'unknown'): Promise<void> {
		const key = addressKey(address);
		if (outcome === 'found') await this.#shared.letIn(key, code, this.#now() + LET_IN_MS);
		else if (outcome === 'unknown') await this.#shared.consume('codeGuesses', RULES.codeGuesses, key, this.#now());
	}

	/** A teacher viewing a class's dashboard vouches for the network they are on: the class gets in. */
	async vouch(address: string, code: string): Promise<void> {
		await this.#shared.letIn(addressKey(address), code, this.#now() + LET_IN_MS);
	}

	/** Before a manage link or a dashboard without a session is looked up; past the budget only a real one opens. */
	async manageLookupFailed(address: string): Promise<Refusal | null> {
		const decision = await this.#shared.consume('manageGuesses', RULES.manageGuesses, addressKey(address), this.#now());
		return decision.allowed ? null : this.#refusal('manageGuesses', decision.retryAfterMs);
	}

	/** One request of a group from an address (joining, creating, checking an answer in open practice). */
	take(group: AddressGroup, address: string): Refusal | null {
		return this.#take(group, addressKey(address));
	}

	/** One answer or finish for an attempt. */
	takeForAttempt(attemptId: string): Refusal | null {
		return this.#take('attempt', attemptId);
	}
}

/** The process's limits: buckets per address and per attempt, not per user; the shared ones in the store. */
export const limits = new Limits({ shared: sharedLimitsFor(storeTarget(), getDb) });
