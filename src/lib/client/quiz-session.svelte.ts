/**
 * Binds a quiz actor to Svelte: the snapshot as reactive state, the place kept
 * after every step (where the server finds it on a reload), and the machine's
 * `showStep` action wired to the page.
 */
import { createActor, type Actor } from 'xstate';
import { toProgress, type Progress } from '../machines/progress.ts';
import type { QuizEvent, QuizLogic, QuizMachineInput, QuizSnapshot } from '../machines/quiz.machine.ts';

export interface SessionOptions {
	/** The quiz machine with its grade and finish actors provided. */
	logic: QuizLogic;
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
	readonly #actor: Actor<QuizLogic>;
	readonly #keep: SessionOptions['keep'];

	/** Not started: the server renders this state, the browser runs it. */
	constructor({ logic, input, initial, keep, onstep }: SessionOptions) {
		this.#keep = keep;
		const provided = logic.provide({ actions: { showStep: () => onstep?.() } });
		this.#actor = createActor(provided, { input, snapshot: initial });
		this.snapshot = this.#actor.getSnapshot();
	}

	/** In the browser: runs the machine and keeps the place after each step. */
	start(): void {
		this.#actor.subscribe((snapshot) => {
			this.snapshot = snapshot;
			this.#keep?.(toProgress(snapshot));
		});
		this.#actor.start();
		this.snapshot = this.#actor.getSnapshot();
	}

	send = (event: QuizEvent): void => {
		this.#actor.send(event);
	};

	stop(): void {
		this.#actor.stop();
	}
}
