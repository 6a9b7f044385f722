/**
 * npm run bench: builds the app, then measures it and prints the figures.
 * Every section prints its own figures; nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const only = process.argv.slice(2);
const sections: { name: string; file: string; fn: string }[] = [
	{ name: 'Student pages: bytes received, time to answer', file: './bench/student.ts', fn: 'benchStudent' },
	{ name: "Teacher dashboard: from a student's answer to the screen", file: './bench/live.ts', fn: 'benchLive' },
	{ name: 'Authoring: validation and checker', file: './bench/authoring.ts', fn: 'benchAuthoring' },
	{ name: 'Drafting: attribution tagger', file: './bench/tagger.ts', fn: 'benchTagger' }
];

if (!process.env.BENCH_SKIP_BUILD) {
	console.log('Building...');
	// The whole build, islands included, as npm start serves it.
	execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'ignore'] });
}

for (const s of sections) {
	if (only.length && !only.some((o) => s.name.toLowerCase().includes(o.toLowerCase()))) continue;
	if (!existsSync(new URL(s.file, import.meta.url))) continue;
	console.log(`\n== ${s.name} ==`);
	const mod = (await import(s.file)) as Record<string, () => Promise<void>>;
	await mod[s.fn]!();
}
