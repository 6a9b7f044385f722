/**
 * Binds a quiz actor to Svelte: the snapshot as reactive state, the place kept
 * after every step (where the server finds it on a reload), and the machine's
 * `showStep` action wired to the page.
 */
import { createActor, type Actor } from 'xstate';
import { toProgress, type Progress } from '../machines/progress.ts';
import type { QuizEvent, QuizLogic, QuizMachineInput, QuizSnapshot } from '../machines/quiz.machine.ts';

export interface SessionOptions {
	/**
	 * Makes the quiz machine with its grade and finish actors provided. Called
	 * once, when the browser starts the session: the server renders `initial`
	 * and never runs the machine, so it does not pay for building one per page.
	 */
	logic: () => QuizLogic;
	input: QuizMachineInput;
	/** Where the student is, as the server rendered it. */
	initial: QuizSnapshot;
	/** Keeps the place after every step. */
	keep?: (progress: Progress) => void;
	/** The page moves focus and speaks the new step. */
	onstep?: () => void;
}

export class QuizSession {
	snapshot: QuizSnapshot = $state.raw()!;
	#actor: Actor<QuizLogic> | null = null;
	readonly #options: SessionOptions;

	/** Not started: the server renders this state, the browser runs it. */
	constructor(options: SessionOptions) {
		this.#options = options;
		this.snapshot = options.initial;
	}

	/** In the browser: runs the machine from the rendered state and keeps the place after each step. */
	start(): void {
		const { logic, input, keep, onstep } = this.#options;
		const provided = logic().provide({ actions: { showStep: () => onstep?.() } });
		const actor = createActor(provided, { input, snapshot: this.snapshot });
		this.#actor = actor;
		actor.subscribe((snapshot) => {
			this.snapshot = snapshot;
			keep?.(toProgress(snapshot));
		});
		actor.start();
		this.snapshot = actor.getSnapshot();
	}

	/** Ignored until started: nothing can be pressed on a page the browser has not hydrated. */
	send = (event: QuizEvent): void => {
		this.#actor?.send(event);
	};

	stop(): void {
		this.#actor?.stop();
	}
}
