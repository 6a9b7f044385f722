import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, getNextSnapshot, type SnapshotFrom } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph';
import type { Graded } from '../quiz/grading.ts';
import type { Answer } from '../quiz/schema.ts';
import {
	questionIdOf,
	quizMachine,
	resultOf,
	viewOf,
	type FinishInput,
	type FinishOutput,
	type GradeInput,
	type GradeOutput,
	type QuizEvent
} from './quiz.machine.ts';
import { toProgress } from './progress.ts';

const ids = ['q1', 'q2'];
const right: Answer = { type: 'classify', category: 'fact' };
const wrong: Answer = { type: 'classify', category: 'anonymous' };

function graded(questionId: string, answer: Answer): Graded {
	const correct = answer.type === 'classify' && answer.category === 'fact';
	return {
		questionId,
		answer,
		correct,
		score: correct ? 1 : 0,
		expected: 'fact',
		marks: null,
		ranking: null,
		explanation: 'Because.',
		whyNot: correct ? [] : ['Not that.'],
		cues: [],
		related: []
	};
}

/** A machine whose grader and finisher answer at once, from the answers given. */
function instantMachine(calls: GradeInput[] = []) {
	return quizMachine.provide({
		actors: {
			grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) => {
				calls.push(input);
				return input.mode === 'test' ? null : graded(input.questionId, input.answer);
			}),
			finish: fromPromise<FinishOutput, FinishInput>(async ({ input }) =>
				Object.fromEntries(input.round.map((id) => [id, input.results[id] ?? graded(id, input.answers[id]!)]))
			)
		}
	});
}

/** Resolves once the actor reaches a state for which `done` holds. */
function until(actor: ReturnType<typeof createActor<typeof quizMachine>>, done: (s: SnapshotFrom<typeof quizMachine>) => boolean) {
	return new Promise<SnapshotFrom<typeof quizMachine>>((resolve) => {
		if (done(actor.getSnapshot())) return resolve(actor.getSnapshot());
		const sub = actor.subscribe((s) => {
			if (done(s)) {
				sub.unsubscribe();
				resolve(s);
			}
		});
	});
}

async function answer(actor: ReturnType<typeof createActor<typeof quizMachine>>, a: Answer) {
	actor.send({ type: 'answer.change', answer: a });
	actor.send({ type: 'answer.submit' });
	return until(actor, (s) => !s.matches('checking'));
}

describe('quiz machine: practice', () => {
	it('shows feedback after each answer, then a summary with the missed item', async () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ids } }).start();
		actor.send({ type: 'quiz.start', mode: 'practice' });

		let s = await answer(actor, right);
		expect(s.value).toBe('feedback');
		expect(s.context.results.q1?.correct).toBe(true);

		actor.send({ type: 'question.next' });
		s = await answer(actor, wrong);
		expect(s.value).toBe('feedback');
		expect(s.context.results.q2?.whyNot).toEqual(['Not that.']);

		actor.send({ type: 'question.next' });
		s = await until(actor, (x) => x.matches('summary'));
		expect(Object.keys(s.context.results)).toEqual(['q1', 'q2']);
	});

	it('will not check an empty answer', () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ids } }).start();
		actor.send({ type: 'quiz.start' });
		actor.send({ type: 'answer.submit' });
		actor.send({ type: 'answer.change', answer: { type: 'cue', marked: [] } });
		actor.send({ type: 'answer.submit' });
		expect(actor.getSnapshot().value).toEqual({ answering: 'ready' });
		expect(actor.getSnapshot().can({ type: 'answer.submit' })).toBe(false);
	});

	it('retries only the missed items, then sums up every question again', async () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ids } }).start();
		actor.send({ type: 'quiz.start' });
		await answer(actor, wrong);
		actor.send({ type: 'question.next' });
		await answer(actor, right);
		actor.send({ type: 'question.next' });
		await until(actor, (s) => s.matches('summary'));

		actor.send({ type: 'quiz.retryMissed' });
		expect(actor.getSnapshot().context).toMatchObject({ round: ['q1'], index: 0, roundNumber: 2 });
		await answer(actor, right);
		actor.send({ type: 'question.next' });
		const s = await until(actor, (x) => x.matches('summary'));
		expect(s.context.results.q1?.correct).toBe(true);
		expect(s.context.results.q2?.correct).toBe(true);
	});

	it('keeps the answer and says so when grading fails, then succeeds on a second try', async () => {
		let fail = true;
		const flaky = quizMachine.provide({
			actors: {
				grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) => {
					if (fail) throw new Error('offline');
					return graded(input.questionId, input.answer);
				})
			}
		});
		const actor = createActor(flaky, { input: { questionIds: ids } }).start();
		actor.send({ type: 'quiz.start' });
		let s = await answer(actor, right);
		expect(s.value).toEqual({ answering: 'failed' });
		expect(s.hasTag('error:grade')).toBe(true);
		expect(viewOf(s)).toBe('question');
		expect(s.context.draft).toEqual(right);

		fail = false;
		actor.send({ type: 'answer.submit' });
		s = await until(actor, (x) => x.matches('feedback'));
		expect(s.hasTag('error:grade')).toBe(false);
	});

	it('shows the verdict on a failed check that reached the server later, for the answer checked, whatever the form shows since', async () => {
		const heard: GradeInput[] = [];
		const offline = quizMachine.provide({
			actors: {
				grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) => {
					heard.push(input);
					throw new Error('offline');
				})
			}
		});
		const actor = createActor(offline, { input: { questionIds: ids } }).start();
		actor.send({ type: 'quiz.start' });
		await answer(actor, right);
		// The student changes the choice after the failed check, without checking again.
		actor.send({ type: 'answer.change', answer: wrong });
		heard[0]!.gradedLater(graded('q1', right));
		const s = actor.getSnapshot();
		expect([viewOf(s), questionIdOf(s), resultOf(s)?.correct, s.context.answers.q1]).toEqual(['feedback', 'q1', true, right]);
		expect(s.hasTag('error:grade')).toBe(false);
	});

	it('leaves a late verdict unheard once the student is past its question, and in test mode', async () => {
		const late = (mode: 'practice' | 'test') => {
			const heard: GradeInput[] = [];
			const machine = quizMachine.provide({
				actors: {
					grade: fromPromise<GradeOutput, GradeInput>(async ({ input }) => {
						heard.push(input);
						if (heard.length === 1) throw new Error('offline');
						return input.mode === 'test' ? null : graded(input.questionId, input.answer);
					})
				}
			});
			return { actor: createActor(machine, { input: { questionIds: ids, mode } }).start(), heard };
		};
		const practice = late('practice');
		practice.actor.send({ type: 'quiz.start' });
		await answer(practice.actor, right);
		practice.actor.send({ type: 'answer.submit' });
		await until(practice.actor, (x) => x.matches('feedback'));
		practice.actor.send({ type: 'question.next' });
		// Question 2 is on screen when question 1's first check gets through: nothing moves.
		practice.heard[0]!.gradedLater(graded('q1', wrong));
		let s = practice.actor.getSnapshot();
		expect([viewOf(s), questionIdOf(s), s.context.results.q1?.correct]).toEqual(['question', 'q2', true]);

		const test = late('test');
		test.actor.send({ type: 'quiz.start' });
		await answer(test.actor, right);
		test.heard[0]!.gradedLater(graded('q1', right));
		s = test.actor.getSnapshot();
		expect([viewOf(s), questionIdOf(s), s.hasTag('error:grade')]).toEqual(['question', 'q1', true]);
	});
});

describe('quiz machine: test mode', () => {
	it('moves straight on after each answer and reveals results only at the end', async () => {
		const calls: GradeInput[] = [];
		const actor = createActor(instantMachine(calls), { input: { questionIds: ids } }).start();
		actor.send({ type: 'quiz.start', mode: 'test' });
		let s = await answer(actor, wrong);
		expect(s.value).toEqual({ answering: 'ready' });
		expect(s.context.index).toBe(1);
		expect(s.context.results).toEqual({});

		await answer(actor, right);
		s = await until(actor, (x) => x.matches('summary'));
		expect(calls.map((c) => c.mode)).toEqual(['test', 'test']);
		expect(s.context.results.q1?.correct).toBe(false);
		expect(s.context.results.q2?.correct).toBe(true);
	});

	it('takes the mode picked on the intro at once, so the place kept for a reload holds it', () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ids } }).start();
		actor.send({ type: 'mode.choose', mode: 'test' });
		actor.send({ type: 'answer.change', answer: right });
		expect(viewOf(actor.getSnapshot())).toBe('intro');
		expect(toProgress(actor.getSnapshot())).toMatchObject({ step: 'intro', mode: 'test', draft: right });
		actor.send({ type: 'quiz.start' });
		expect(actor.getSnapshot().context.mode).toBe('test');
		// Once the quiz is under way, its mode is settled.
		actor.send({ type: 'mode.choose', mode: 'practice' });
		expect(actor.getSnapshot().context.mode).toBe('test');
	});

	it('keeps a mode chosen by a teacher', () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ids, mode: 'test', modeLocked: true } }).start();
		actor.send({ type: 'mode.choose', mode: 'practice' });
		expect(actor.getSnapshot().context.mode).toBe('test');
		actor.send({ type: 'quiz.start', mode: 'practice' });
		expect(actor.getSnapshot().context.mode).toBe('test');
	});

	it('offers no retry or restart where repeating is not allowed', async () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ['q1'], canRepeat: false } }).start();
		actor.send({ type: 'quiz.start' });
		await answer(actor, wrong);
		actor.send({ type: 'question.next' });
		await until(actor, (s) => s.matches('summary'));
		actor.send({ type: 'quiz.retryMissed' });
		actor.send({ type: 'quiz.restart' });
		expect(actor.getSnapshot().value).toBe('summary');
	});

	it('lets the student try again when the results cannot be fetched', async () => {
		let fail = true;
		const machine = instantMachine().provide({
			actors: {
				finish: fromPromise<FinishOutput, FinishInput>(async ({ input }) => {
					if (fail) throw new Error('server down');
					return Object.fromEntries(input.round.map((id) => [id, graded(id, input.answers[id]!)]));
				})
			}
		});
		const actor = createActor(machine, { input: { questionIds: ['q1'] } }).start();
		actor.send({ type: 'quiz.start', mode: 'test' });
		await answer(actor, right);
		let s = await until(actor, (x) => x.matches({ finishing: 'failed' }));
		expect(s.hasTag('error:finish')).toBe(true);
		expect(s.context.answers.q1).toEqual(right);
		fail = false;
		actor.send({ type: 'quiz.finish' });
		s = await until(actor, (x) => x.matches('summary'));
		expect(s.context.results.q1?.correct).toBe(true);
	});
});

describe('quiz machine: what the UI asks of it', () => {
	it('names the view, the question on screen and its verdict, and which buttons work', async () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ids } }).start();
		let s = actor.getSnapshot();
		expect([viewOf(s), questionIdOf(s), resultOf(s)]).toEqual(['intro', 'q1', null]);
		expect(s.can({ type: 'quiz.start' })).toBe(true);
		actor.send({ type: 'quiz.start' });
		s = await answer(actor, wrong);
		expect([viewOf(s), questionIdOf(s), resultOf(s)?.correct]).toEqual(['feedback', 'q1', false]);
		actor.send({ type: 'question.next' });
		s = await answer(actor, right);
		actor.send({ type: 'question.next' });
		s = await until(actor, (x) => x.hasTag('view:summary'));
		expect(s.can({ type: 'quiz.retryMissed' })).toBe(true);
		actor.send({ type: 'review.start', index: 1 });
		s = actor.getSnapshot();
		expect([viewOf(s), questionIdOf(s), resultOf(s)?.correct]).toEqual(['review', 'q2', true]);
		expect(s.can({ type: 'review.next' })).toBe(false);
		expect(s.can({ type: 'review.prev' })).toBe(true);
	});

	it('takes question 1 answered under the intro: the start carries the answer to its check', async () => {
		const calls: GradeInput[] = [];
		const actor = createActor(instantMachine(calls), { input: { questionIds: ids } }).start();
		actor.send({ type: 'answer.change', answer: wrong });
		expect([viewOf(actor.getSnapshot()), actor.getSnapshot().context.draft]).toEqual(['intro', wrong]);
		actor.send({ type: 'quiz.start', mode: 'test' });
		actor.send({ type: 'answer.submit' });
		const s = await until(actor, (x) => !x.matches('checking'));
		expect(calls.map(({ questionId, answer, mode }) => ({ questionId, answer, mode }))).toEqual([{ questionId: 'q1', answer: wrong, mode: 'test' }]);
		expect([viewOf(s), questionIdOf(s), s.context.draft]).toEqual(['question', 'q2', null]);
	});

	it('starts question 1 afresh after a restart, whatever was chosen the first time', async () => {
		const actor = createActor(instantMachine(), { input: { questionIds: ['q1'] } }).start();
		actor.send({ type: 'answer.change', answer: right });
		actor.send({ type: 'quiz.start' });
		await answer(actor, right);
		actor.send({ type: 'question.next' });
		await until(actor, (x) => x.matches('summary'));
		actor.send({ type: 'quiz.restart' });
		expect([viewOf(actor.getSnapshot()), actor.getSnapshot().context.draft]).toEqual(['intro', null]);
	});

	it('asks the page to show each new step, and only on a new step', async () => {
		const steps: string[] = [];
		const machine = instantMachine().provide({ actions: { showStep: () => void steps.push('step') } });
		const actor = createActor(machine, { input: { questionIds: ['q1'] } }).start();
		actor.send({ type: 'quiz.start' });
		actor.send({ type: 'answer.change', answer: right });
		expect(steps).toHaveLength(1);
		await answer(actor, right);
		expect(steps).toHaveLength(2);
	});
});

describe('quiz machine: every state and transition', () => {
	// The graph walk cannot run promises, so actor results are events it sends itself.
	const events = (s: SnapshotFrom<typeof quizMachine>): QuizEvent[] => {
		const id = s.context.round[s.context.index] ?? 'q1';
		const list: unknown[] = [
			{ type: 'quiz.start', mode: 'practice' },
			{ type: 'quiz.start', mode: 'test' },
			{ type: 'mode.choose', mode: 'practice' },
			{ type: 'mode.choose', mode: 'test' },
			{ type: 'answer.change', answer: right },
			{ type: 'answer.change', answer: wrong },
			{ type: 'answer.submit' },
			{ type: 'question.next' },
			{ type: 'quiz.finish' },
			{ type: 'review.start' },
			{ type: 'review.next' },
			{ type: 'review.prev' },
			{ type: 'review.close' },
			{ type: 'quiz.retryMissed' },
			{ type: 'quiz.restart' }
		];
		if (s.matches('checking') && s.context.draft) {
			list.push({ type: 'xstate.done.actor.grade', output: s.context.mode === 'test' ? null : graded(id, s.context.draft) });
			list.push({ type: 'xstate.error.actor.grade', error: new Error('offline') });
		}
		if (s.matches({ finishing: 'saving' })) {
			const results = Object.fromEntries(s.context.round.map((q) => [q, graded(q, s.context.answers[q] ?? right)]));
			list.push({ type: 'xstate.done.actor.finish', output: results });
			list.push({ type: 'xstate.error.actor.finish', error: new Error('down') });
		}
		return list as QuizEvent[];
	};
	const serializeState = (s: SnapshotFrom<typeof quizMachine>) =>
		JSON.stringify([
			s.value,
			s.context.mode,
			s.context.index,
			s.context.roundNumber > 1,
			s.context.draft ? (s.context.draft as { category?: string }).category : null,
			s.context.reviewIndex,
			Object.values(s.context.results).map((r) => r.correct)
		]);
	const options = { events, serializeState, input: { questionIds: ids }, limit: 5_000 };

	it('reaches every state node', () => {
		const paths = getShortestPaths(quizMachine, options);
		const reached = new Set(paths.flatMap((p) => p.steps.flatMap((step) => [...step.state._nodes].map((n) => n.id))));
		const all = getStateNodes(quizMachine.root).map((n) => n.id);
		// Waiting for the student to ask for results is entered only by restoring a place (progress.spec.ts).
		expect(all.filter((id) => !reached.has(id))).toEqual(['quiz.finishing.waiting']);
	});

	// Thousands of edges: seconds of work, more on a busy machine.
	it('replays every transition of the graph on a real actor to the same state', { timeout: 60_000 }, () => {
		const paths = getShortestPaths(quizMachine, options);
		const pathTo = new Map(paths.map((p) => [serializeState(p.state), p]));
		const edges = adjacencyMapToArray(getAdjacencyMap(quizMachine, options));
		const eventTypes = new Set(edges.map((e) => e.event.type));
		expect([...eventTypes].sort()).toEqual(
			[
				'answer.change',
				'answer.submit',
				'mode.choose',
				'question.next',
				'quiz.finish',
				'quiz.restart',
				'quiz.retryMissed',
				'quiz.start',
				'review.close',
				'review.next',
				'review.prev',
				'review.start',
				'xstate.done.actor.finish',
				'xstate.done.actor.grade',
				'xstate.error.actor.finish',
				'xstate.error.actor.grade'
			].sort()
		);
		// Stalled actors: only the events of the path move the machine.
		const stalled = quizMachine.provide({
			actors: {
				grade: fromPromise<GradeOutput, GradeInput>(() => new Promise(() => {})),
				finish: fromPromise<FinishOutput, FinishInput>(() => new Promise(() => {}))
			}
		});
		let checked = 0;
		for (const edge of edges) {
			const path = pathTo.get(serializeState(edge.state));
			expect(path, `a path to ${serializeState(edge.state)}`).toBeDefined();
			const actor = createActor(stalled, { input: { questionIds: ids } }).start();
			for (const step of path!.steps.slice(1)) actor.send(step.event);
			actor.send(edge.event);
			expect(serializeState(actor.getSnapshot())).toBe(serializeState(edge.nextState));
			expect(serializeState(getNextSnapshot(quizMachine, edge.state, edge.event))).toBe(serializeState(edge.nextState));
			actor.stop();
			checked++;
		}
		expect(checked).toBeGreaterThan(100);
	});
});
