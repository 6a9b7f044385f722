/**
 * What a student page and its island agree on: the element the server renders
 * the player into, and the props it serialises there for hydration.
 */
import { answerFromForm } from '../lib/machines/play-form.ts';
import type { Progress } from '../lib/machines/progress.ts';
import { isFeedbackMode } from '../lib/quiz/modes.ts';
import type { PublicQuestion } from '../lib/quiz/public.ts';

export const ISLAND_ID = 'quiz-island';
/** The JSON script element beside the root that holds the props. */
export const ISLAND_PROPS_ID = 'quiz-island-props';

/** What a page imports as `./x.ts?island` (built by scripts/build/islands.ts). */
export interface IslandAsset {
	/** The module to load with `<script type="module">`. */
	src: string;
	/** The modules it imports, to fetch at once with `<link rel="modulepreload">` instead of one after another. */
	preload: string[];
}

/** The island's root element and its props, or null when the page has none. */
export function islandRoot<Props>(): { target: HTMLElement; props: Props } | null {
	const target = document.getElementById(ISLAND_ID);
	const json = document.getElementById(ISLAND_PROPS_ID)?.textContent;
	return target && json ? { target, props: JSON.parse(json) as Props } : null;
}

/**
 * The place with what the student did before the script arrived: a mode
 * picked on the intro, a label chosen or words marked. Hydrating from the
 * server's props alone would undo those clicks.
 */
export function withEarlyClicks(target: HTMLElement, progress: Progress, questions: readonly PublicQuestion[]): Progress {
	const form = target.querySelector<HTMLFormElement>('form[action="?/play"]');
	if (!form) return progress;
	const fields = new FormData(form);
	// The intro holds question 1 under it; a mode picked there goes with the answer.
	const mode = fields.get('mode');
	const picked = progress.step === 'intro' && isFeedbackMode(mode) ? { ...progress, mode } : progress;
	const question = questions.find((q) => q.id === progress.round[progress.index]);
	if ((progress.step !== 'answering' && progress.step !== 'intro') || !question) return picked;
	return { ...picked, draft: answerFromForm(fields, question) ?? progress.draft };
}

/**
 * Runs `hydrate` once the browser is idle after loading the page. Until then
 * the page works as plain forms (each step goes to the server), so a slow
 * device answers a click at once instead of after the script's start-up;
 * once idle, the player takes over in place. A choice made in between is
 * kept (see withEarlyClicks); a form sent in between leaves the page as it is.
 */
export function whenIdle(hydrate: () => void): void {
	// A form sent before then is taking the student to the next page: hydrating this one would only hold that page up.
	let leaving = false;
	document.addEventListener('submit', () => (leaving = true), { capture: true, once: true });
	const run = () => {
		if (!leaving) hydrate();
	};
	if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 3_000 });
	else setTimeout(run, 0);
}
