/** Hydrates an assignment's quiz player, graded by the server. */
import { hydrate } from 'svelte';
import AssignmentPlayer, { type AssignmentPlayerProps } from '../lib/components/quiz/AssignmentPlayer.svelte';
import { islandRoot } from './island.ts';

const root = islandRoot<AssignmentPlayerProps>();
if (root) hydrate(AssignmentPlayer, root);
