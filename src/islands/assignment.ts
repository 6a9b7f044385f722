/** Hydrates an assignment's quiz player, graded by the server. */
import { hydrate } from 'svelte';
import AssignmentPlayer, { type AssignmentPlayerProps } from '../lib/components/quiz/AssignmentPlayer.svelte';
import { islandRoot, whenIdle, withEarlyClicks } from './island.ts';

const root = islandRoot<AssignmentPlayerProps>();
if (root) {
	const { target, props } = root;
	whenIdle(() => hydrate(AssignmentPlayer, { target, props: { ...props, progress: withEarlyClicks(target, props.progress, props.attempt.quiz.questions) } }));
}
