import { redirect } from '@sveltejs/kit';
import { codeProblem, normalizeCode } from '$lib/class-code.ts';
import type { PageServerLoad } from './$types';

/** The class-code box on the home page: a typed code goes to its assignment. */
export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', error: null };
	const code = normalizeCode(typed);
	if (code) redirect(303, `/a/${code}`);
	return { typed, error: codeProblem(typed) };
};
