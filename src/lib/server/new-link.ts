import { secureFor } from './cookies.ts';

/**
 * Right after an assignment is created, its manage link is shown once, on a
 * page of its own (never beside the class code or QR code a teacher projects).
 * The raw token exists nowhere on the server, so it rides to that page in a
 * short-lived HttpOnly cookie that page alone receives, and deletes.
 */
export function newLinkCookie(assignmentId: string, url: URL) {
	return {
		name: 'whosays_new_link',
		options: { path: `/manage/${assignmentId}/link`, httpOnly: true, secure: secureFor(url), sameSite: 'strict', maxAge: 10 * 60 } as const
	};
}
