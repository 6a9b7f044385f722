/**
 * Binds a quiz actor to Svelte: the snapshot as reactive state, progress
 * saved on every step and resumed on the next visit.
 */
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { isResumable, type QuizEvent, type QuizMachineInput, type quizMachine } from '../machines/quiz.machine.ts';
import { clearProgress, loadProgress, saveProgress } from './progress.ts';

type Logic = typeof quizMachine;

export interface Storage {
	key: string;
	version: string;
	/** Leave nothing in the browser once the quiz is finished (a shared Chromebook). */
	forgetWhenDone?: boolean;
}

export type Notice = 'changed' | 'unreadable' | null;

export class QuizSession {
	snapshot: SnapshotFrom<Logic> = $state.raw()!;
	/** Why saved progress was not resumed, to tell the student once. */
	notice: Notice = $state(null);
	#actor: Actor<Logic>;
	#logic: Logic;
	#input: QuizMachineInput;
	#storage: Storage | null;

	#done = false;

	/** `initial`: where the server says the student is; saved progress that is further along wins. */
	constructor(logic: Logic, input: QuizMachineInput, storage: Storage | null, initial?: SnapshotFrom<Logic>) {
		this.#logic = logic;
		this.#input = input;
		this.#storage = storage;
		// Not started: the server renders this state, the browser resumes.
		this.#actor = createActor(logic, initial ? { input, snapshot: initial } : { input });
		this.snapshot = this.#actor.getSnapshot();
	}

	/** In the browser: resume saved progress if it fits this quiz, then run. */
	start(): void {
		const storage = this.#storage;
		if (storage) {
			const loaded = loadProgress(storage.key, storage.version);
			const answered = (snap: unknown) =>
				Object.keys((snap as { context?: { answers?: object } }).context?.answers ?? {}).length;
			const behind = loaded.snapshot !== null && answered(loaded.snapshot) < answered(this.snapshot);
			if (loaded.snapshot && behind) {
				clearProgress(storage.key);
			} else if (loaded.snapshot && isResumable(loaded.snapshot, this.#input.questionIds)) {
				try {
					this.#actor = createActor(this.#logic, {
						input: this.#input,
						snapshot: loaded.snapshot as SnapshotFrom<Logic>
					});
				} catch {
					this.notice = 'unreadable';
					clearProgress(storage.key);
				}
			} else if (loaded.snapshot) {
				this.notice = 'unreadable';
				clearProgress(storage.key);
			} else if (loaded.problem) {
				this.notice = loaded.problem;
			}
		}
		this.#actor.subscribe((snapshot) => {
			this.snapshot = snapshot;
			if (storage) this.#save(storage, snapshot);
		});
		this.#actor.start();
		this.snapshot = this.#actor.getSnapshot();
	}

	#save(storage: Storage, snapshot: SnapshotFrom<Logic>) {
		if (this.#done) return;
		const finished = snapshot.matches('summary') || snapshot.matches('review');
		if (storage.forgetWhenDone && finished) {
			this.#done = true;
			clearProgress(storage.key);
		} else if (snapshot.matches('intro') && snapshot.context.roundNumber === 0) clearProgress(storage.key);
		else saveProgress(storage.key, storage.version, this.#actor.getPersistedSnapshot());
	}

	send = (event: QuizEvent): void => {
		this.#actor.send(event);
	};

	dismissNotice = (): void => {
		this.notice = null;
	};

	stop(): void {
		this.#actor.stop();
	}
}
