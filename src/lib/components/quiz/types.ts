import type { PublicQuestion, PublicQuiz } from '../../quiz/public.ts';

/** What the player needs of a quiz: the public part, with or without answers. */
export type PlayerQuiz = Pick<PublicQuiz, 'title' | 'language' | 'article' | 'categories'> & {
	questions: readonly PublicQuestion[];
};
