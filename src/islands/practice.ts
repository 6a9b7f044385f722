/** Hydrates the open-practice quiz player, graded in the browser. */
import { hydrate } from 'svelte';
import PracticePlayer, { type PracticePlayerProps } from '../lib/components/quiz/PracticePlayer.svelte';
import { islandRoot } from './island.ts';

const root = islandRoot<PracticePlayerProps>();
if (root) {
	// A mode the student picked while this script was still on its way.
	const picked = root.target.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value;
	hydrate(PracticePlayer, { target: root.target, props: { ...root.props, mode: picked === 'test' ? 'test' : 'practice' } });
}
