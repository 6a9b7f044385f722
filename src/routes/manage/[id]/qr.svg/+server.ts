import { error } from '@sveltejs/kit';
import { findAssignment } from '$lib/server/assignments.ts';
import { getDb } from '$lib/server/db/index.ts';
import { qrSvg } from '$lib/server/qr.ts';
import { requireManager } from '../access.ts';
import type { RequestHandler } from './$types';

/**
 * The student link's QR code, drawn when the dashboard opens: an image of its
 * own, so refreshing the dashboard's figures never draws it again.
 */
export const GET: RequestHandler = async (event) => {
	const id = await requireManager(event);
	const assignment = await findAssignment(await getDb(), id);
	if (!assignment) error(404, 'This assignment has been deleted.');
	return new Response(await qrSvg(`${event.url.origin}/a/${assignment.code}`), {
		headers: { 'content-type': 'image/svg+xml' }
	});
};
