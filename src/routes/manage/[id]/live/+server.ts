import { error } from '@sveltejs/kit';
import { findAssignment } from '$lib/server/assignments.ts';
import { getDb } from '$lib/server/db/index.ts';
import { liveBoards } from '$lib/server/live-boards.ts';
import { acceptsGzip } from '$lib/server/live.ts';
import { requireManagerSession } from '../access.ts';
import type { RequestHandler } from './$types';

/**
 * The open dashboard's figures as server-sent events (see live.ts), for this
 * browser's teacher session only: replacing the manage link ends the streams
 * of every other browser at once. compress.ts passes text/event-stream by,
 * since it would wait for the end of a stream that has none; live.ts
 * compresses it itself, flushing after every event.
 */
export const GET: RequestHandler = async (event) => {
	const { id, session } = await requireManagerSession(event);
	if (!(await findAssignment(await getDb(), id))) error(404, 'This assignment has been deleted.');
	return liveBoards.open(id, session, { gzip: acceptsGzip(event.request.headers.get('accept-encoding')) });
};
