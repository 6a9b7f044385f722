/** Hydrates the open-practice quiz player, graded in the browser. */
import { hydrate } from 'svelte';
import { localGrading } from '../lib/client/local-grading.ts';
import QuizPlayer from '../lib/components/quiz/QuizPlayer.svelte';
import { ISLAND_ID, type PracticeIslandProps } from './props.ts';

const target = document.getElementById(ISLAND_ID);
if (target?.dataset.props) {
	const { quiz, slug, version, minutes } = JSON.parse(target.dataset.props) as PracticeIslandProps;
	// A mode the student picked while this script was still on its way.
	const picked = target.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value;
	hydrate(QuizPlayer, {
		target,
		props: {
			quiz,
			logic: localGrading(quiz),
			input: { questionIds: quiz.questions.map((q) => q.id), mode: picked === 'test' ? 'test' : 'practice' },
			storage: { key: slug, version },
			outlet: quiz.article.outlet,
			minutes
		}
	});
}
