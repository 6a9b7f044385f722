import { redirect } from '@sveltejs/kit';
import { normalizeCode } from '$lib/class-code.ts';
import type { PageServerLoad } from './$types';

/** The class-code box on the home page: a typed code goes to its assignment. */
export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', error: null };
	const code = normalizeCode(typed);
	if (code) redirect(303, `/a/${code}`);
	return { typed, error: 'A class code has 6 letters and digits, like K7M-4PX. Check it with your teacher.' };
};
