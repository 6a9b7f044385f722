/**
 * The yardstick for "how soon can a student answer": the smallest SvelteKit
 * app that shows one question, built and served by the same toolchain as the
 * app (this project's node_modules: the same Kit, Svelte, Vite and
 * adapter-node), with Kit's defaults (server rendering, then its client
 * router hydrates the page).
 *
 * It is generated into a temporary folder, built with the project's Vite, and
 * run with `node build` on a free port. `stop()` ends the server and removes
 * the folder; a failed build removes it too.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { freePort, stopsWithThisProcess, waitForListening } from './server.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BareKit {
	url: string;
	/** The server process, to read its CPU time. */
	pid: number | undefined;
	stop(): Promise<void>;
}

/** The choices, as the page labels them. */
export const BARE_CHOICES = ['A confirmed fact', 'A claim on sources you cannot see', 'An official not answering'];

const FILES: Record<string, string> = {
	'package.json': JSON.stringify({ name: 'bare-kit', private: true, type: 'module' }, null, '\t'),
	'svelte.config.js': `import adapter from '@sveltejs/adapter-node';
export default { compilerOptions: { runes: true }, kit: { adapter: adapter() } };
`,
	'vite.config.ts': `import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
export default defineConfig({ plugins: [sveltekit()] });
`,
	'src/app.html': `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<link rel="icon" href="data:," />
		%sveltekit.head%
	</head>
	<body>
		<div style="display: contents">%sveltekit.body%</div>
	</body>
</html>
`,
	// One static question. data-hydrated appears once the component has mounted
	// in the browser, i.e. once its handlers are attached; Check then shows a verdict.
	'src/routes/+page.svelte': `<script>
	import { onMount } from 'svelte';
	const choices = ${JSON.stringify(BARE_CHOICES)};
	let picked = $state('');
	let verdict = $state('');
	let hydrated = $state(false);
	onMount(() => {
		hydrated = true;
	});
</script>

<svelte:head><title>One question</title></svelte:head>

<main data-hydrated={hydrated ? 'true' : undefined}>
	<h1>Question 1 of 1</h1>
	<p>“The offer was made in private,” said a person familiar with the talks.</p>
	<div role="radiogroup" aria-labelledby="prompt">
		<p id="prompt">What is this claim?</p>
		{#each choices as choice (choice)}
			<label><input type="radio" name="answer" value={choice} bind:group={picked} /> {choice}</label>
		{/each}
	</div>
	<button type="button" onclick={() => (verdict = picked ? 'You chose: ' + picked + '.' : 'Choose an answer first.')}>Check</button>
	{#if verdict}<p role="status">{verdict}</p>{/if}
</main>
`,
	// The smallest join: a form action that reads the form and sends the browser to the question (Post/Redirect/Get).
	'src/routes/join/+page.server.ts': `import { redirect } from '@sveltejs/kit';
export const actions = {
	default: async ({ request }) => {
		await request.formData();
		redirect(303, '/');
	}
};
`,
	// The smallest answer: a JSON endpoint that reads and parses the body and replies with a small verdict, storing nothing.
	'src/routes/answer/+server.ts': `import { json } from '@sveltejs/kit';
export const POST = async ({ request }) => {
	const { questionId } = JSON.parse(await request.text());
	return json({ status: 'recorded', questionId });
};
`,
	'src/routes/join/+page.svelte': `<form method="POST"><label>Name <input name="displayName" /></label><button>Join</button></form>
`,
	// Several processes on one port, as node:cluster shares it; each runs adapter-node's own server.
	'cluster.js': `import cluster from 'node:cluster';
if (cluster.isPrimary) {
	for (let i = 0; i < Number(process.env.WORKERS); i++) cluster.fork();
	process.on('SIGTERM', () => {
		for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
		process.exit(0);
	});
} else {
	await import('./build/index.js');
}
`
};

/** Writes the project, builds it with this project's Vite, returns its folder. */
function build(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'whosays-bare-kit-'));
	try {
		for (const [file, text] of Object.entries(FILES)) {
			mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			writeFileSync(path.join(dir, file), text);
		}
		symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
		execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, stdio: 'pipe' });
		return dir;
	} catch (e) {
		rmSync(dir, { recursive: true, force: true });
		const output = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
		throw new Error(`The bare SvelteKit page did not build: ${(e as Error).message}\n${output}`);
	}
}

/**
 * Builds and starts the bare app. With `workers` above 1 it runs that many
 * processes sharing the port (node:cluster); `pid` is then the primary's,
 * which serves no request.
 */
export async function startBareKit(workers = 1): Promise<BareKit> {
	const dir = build();
	const removeDir = () => rmSync(dir, { recursive: true, force: true });
	const port = await freePort();
	// Only what adapter-node's server needs to listen; nothing of the caller's settings.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(ORIGIN|PROTOCOL_HEADER|HOST_HEADER|PORT_HEADER|ADDRESS_HEADER|XFF_DEPTH|HOST|PORT|BODY_SIZE_LIMIT)$/.test(name))
	);
	// ORIGIN as adapter-node documents it for plain http, so its join form is not refused as cross-site.
	const settings = { PORT: String(port), ORIGIN: `http://localhost:${port}`, WORKERS: String(workers) };
	const child = spawn(process.execPath, [workers > 1 ? 'cluster.js' : 'build'], { cwd: dir, env: { ...env, ...settings }, stdio: ['ignore', 'pipe', 'inherit'] });
	stopsWithThisProcess(child);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
		removeDir();
	};
	try {
		await waitForListening(child, 'the bare SvelteKit server', 15_000, workers);
	} catch (e) {
		await stop();
		throw e;
	}
	return { url: `http://localhost:${port}/`, pid: child.pid, stop };
}
