/** Hydrates an assignment's quiz player, graded by the server. */
import { hydrate } from 'svelte';
import AssignmentPlayer from '../lib/components/quiz/AssignmentPlayer.svelte';
import { ISLAND_ID, type AssignmentIslandProps } from './props.ts';

const target = document.getElementById(ISLAND_ID);
if (target?.dataset.props) hydrate(AssignmentPlayer, { target, props: JSON.parse(target.dataset.props) as AssignmentIslandProps });
