/** Hydrates the open-practice quiz player, graded by the server. */
import { hydrate } from 'svelte';
import PracticePlayer, { type PracticePlayerProps } from '../lib/components/quiz/PracticePlayer.svelte';
import { islandRoot, whenIdle, withEarlyClicks } from './island.ts';

const root = islandRoot<PracticePlayerProps>();
if (root) {
	const { target, props } = root;
	whenIdle(() => hydrate(PracticePlayer, { target, props: { ...props, progress: withEarlyClicks(target, props.progress, props.quiz.questions) } }));
}
