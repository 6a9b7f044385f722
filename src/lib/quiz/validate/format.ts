/** A problem as one line of text, for the command line, the build and the dev server's overlay. */
import { LINE_BREAK, type Problem } from './problem.ts';

/** One line per problem: `file:line:col  error  path  message (found …; expected …) hint: …` */
export function formatProblem(file: string, p: Problem): string {
	// A text from the quiz may hold a line break; the line must stay one line.
	const flat = (s: string | undefined) => s?.split(LINE_BREAK).join('\\n');
	p = { ...p, message: flat(p.message)!, found: flat(p.found), expected: flat(p.expected), hint: flat(p.hint) };
	const where = p.line ? `${file}:${p.line}:${p.column}` : file;
	const details = [p.found && `found ${p.found}`, p.expected && `expected ${p.expected}`].filter(Boolean).join('; ');
	return [where, p.severity, p.path ? `${p.path}:` : '', p.message, details ? `(${details})` : '', p.hint ? `hint: ${p.hint}` : '']
		.filter(Boolean)
		.join(' ');
}
