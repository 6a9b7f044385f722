import { error } from '@sveltejs/kit';
import { findAssignment } from '$lib/server/assignments.ts';
import { getDb } from '$lib/server/db/index.ts';
import { newLinkCookie } from '$lib/server/new-link.ts';
import { requireManager } from '../access.ts';
import type { PageServerLoad } from './$types';

/**
 * The manage link, shown once, on its own: the page deletes the only copy
 * there is as it shows it, so a reload (or the projector, later) shows nothing.
 */
export const load: PageServerLoad = async (event) => {
	const id = await requireManager(event);
	const assignment = await findAssignment(await getDb(), id);
	if (!assignment) error(404, 'This assignment has been deleted.');
	const flash = newLinkCookie(id, event.url);
	const token = event.cookies.get(flash.name);
	if (token) event.cookies.delete(flash.name, flash.options);
	return {
		id,
		title: assignment.title,
		manageUrl: token ? `${event.url.origin}/m/${token}` : null,
		/** The teacher replaced a lost or leaked link, rather than just created the assignment. */
		replaced: event.url.searchParams.has('replaced')
	};
};
