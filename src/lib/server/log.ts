/**
 * Server log lines, with secrets taken out. Manage links, resume tokens and
 * session cookies are 43-character base64url strings; one in a log (a failed
 * /m/<token> request, an error quoting a cookie) would hand out a class.
 */
import { inspect } from 'node:util';

const TOKEN = /[A-Za-z0-9_-]{43}/g;

export function redact(text: string): string {
	return text.replace(TOKEN, '[redacted]');
}

/** Logs an error with everything in it passed through `redact`. */
export function logError(context: string, error: unknown): void {
	console.error(redact(`${context} ${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}`));
}

/**
 * Logs, on one line and without its stack, an error that operations expect
 * (the database restarting or out of reach), which the app rides out on its own.
 */
export function logWarning(context: string, error: unknown): void {
	console.warn(redact(`${context} ${error instanceof Error ? error.message : inspect(error)}`));
}
