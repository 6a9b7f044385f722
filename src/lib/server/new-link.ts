import { secureFor } from './cookies.ts';

/**
 * Right after creating an assignment, its manage link is shown on the
 * dashboard. The raw token exists nowhere on the server, so it rides to that
 * page in a short-lived HttpOnly cookie visible to that page alone.
 */
export function newLinkCookie(assignmentId: string, url: URL) {
	return {
		name: 'whosays_new_link',
		options: { path: `/manage/${assignmentId}`, httpOnly: true, secure: secureFor(url), sameSite: 'strict', maxAge: 30 * 60 } as const
	};
}
