/**
 * How a cross-check reports a problem, and which parts of a partly parsed quiz
 * it may read. The cross-checks run even when the shape has problems (one bad
 * date must not hide every quote problem), so each reads only sound values.
 */
import type { z } from 'zod';
import type { QuizShape } from './shapes.ts';

/** A custom issue's extra detail, read by the validator when it words a problem. */
export interface IssueDetail {
	found?: string;
	expected?: string;
	hint?: string;
	/** Index of the character, in the text at the issue's path, that the problem is about. */
	at?: number;
	/** The entry that already holds this id; the validator names it, and its line when the text is known. */
	sameAs?: Path;
}

type Shape = z.output<typeof QuizShape>;
export type Ctx = z.core.$RefinementCtx<Shape>;
export type Path = (string | number)[];
export type Loose = Record<string, unknown>;

export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function issue(ctx: Ctx, path: Path, message: string, detail: IssueDetail = {}) {
	ctx.addIssue({ code: 'custom', path, message, params: detail, input: undefined });
}

/** Which values of a partly parsed quiz can be trusted: those with no problem at them or above. */
export class Soundness {
	#bad = new Set<string>();
	constructor(issues: readonly z.core.$ZodRawIssue[]) {
		for (const i of issues) {
			// Unknown fields are dropped from the value, and a list of the wrong
			// length still holds good items: neither taints what the checks read.
			if (i.code === 'unrecognized_keys') continue;
			if ((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'array') continue;
			this.#bad.add(JSON.stringify(i.path ?? []));
		}
	}
	/** True when no problem was found at `path` or at any of its parents. */
	ok(path: Path): boolean {
		if (this.#bad.size === 0) return true;
		for (let n = 0; n <= path.length; n++) if (this.#bad.has(JSON.stringify(path.slice(0, n)))) return false;
		return true;
	}
	/** The field names just below `path` with a problem of their own, such as a key of the wrong form, which the parsed value drops. */
	keysWithProblems(path: Path): string[] {
		const keys: string[] = [];
		for (const bad of this.#bad) {
			const at = JSON.parse(bad) as Path;
			const key = at[path.length];
			if (at.length === path.length + 1 && typeof key === 'string' && path.every((p, i) => at[i] === p)) keys.push(key);
		}
		return keys;
	}
	/** The text at `path`, if it is sound. */
	text(value: unknown, path: Path): string | undefined {
		return typeof value === 'string' && this.ok(path) ? value : undefined;
	}
}

export const quoted = (ids: readonly string[]) => ids.map((c) => `"${c}"`).join(', ');
