/**
 * Summarises a V8 .cpuprofile: where a server's CPU time went, by function
 * (self and total time) and by package, so a slow endpoint can be explained
 * without opening DevTools.
 *
 * Run: npx tsx scripts/bench/cpu-profile-top.ts <file.cpuprofile> [rows]
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
	console.error('usage: cpu-profile-top.ts <file.cpuprofile> [rows]');
	process.exit(2);
}
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame comes from: a package, Node itself, the app's own code, or V8's bookkeeping. */
function area(frame: CallFrame): string {
	const url = frame.url;
	if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1]!;
	if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
	if (url.includes('/build/server/')) return 'app (build/server)';
	if (url.includes('/build/')) return 'app (build)';
	return url;
}

/**
 * The layer a frame belongs to, for a route's cost: Node's fetch API objects
 * (Request, Response, web streams, AbortSignal, the promise hooks of
 * AsyncLocalStorage), which SvelteKit builds for every request; Node's HTTP;
 * SvelteKit's and adapter-node's runtime; the database; the app's own code.
 * The built runtime is told from the app by its chunk names (index, handler,
 * utils, exports, internal, server), which the build takes from Kit's and
 * Svelte's own modules.
 */
function layer(frame: CallFrame): string {
	const url = frame.url;
	if (!url) {
		if (frame.functionName === '(garbage collector)' || frame.functionName === '(idle)') return frame.functionName;
		if (frame.functionName === 'writev') return "Node's HTTP and sockets";
		return frame.functionName.includes('Transferable') ? "Node's fetch API objects" : 'other native (V8, bindings)';
	}
	if (/kysely|better-sqlite3|node_modules\/pg/.test(url)) return 'database driver (kysely, better-sqlite3, pg)';
	if (/undici|webstreams|js_transferable|abort_controller|async_hooks|event_target|internal\/encoding|internal\/url/.test(url)) return "Node's fetch API objects";
	if (/_http_|node:net|stream|node:events|task_queues|timers/.test(url)) return "Node's HTTP and sockets";
	if (/\/build\/server\/chunks\/(index|handler|chunks\/(utils|exports|internal\d*|server))[.-]/.test(url) || url.endsWith('/build/handler.js'))
		return "SvelteKit's and adapter-node's runtime";
	if (url.includes('/build/server/') || /zod|node:internal\/crypto/.test(url)) return "the app's code (with zod and hashing)";
	return 'other';
}

function label(frame: CallFrame): string {
	const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|build)\//, '$1/')}:${frame.lineNumber + 1}` : '';
	return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

// The time of each sample is the delta that follows it.
const sampleMs = profile.samples.map((_, i) => (profile.timeDeltas[i + 1] ?? 0) / 1000);
const totalMs = sampleMs.reduce((a, b) => a + b, 0);

const self = new Map<string, number>();
const total = new Map<string, number>();
const areas = new Map<string, number>();
const layers = new Map<string, number>();
profile.samples.forEach((id, i) => {
	const ms = sampleMs[i]!;
	const node = byId.get(id)!;
	const name = label(node.callFrame);
	self.set(name, (self.get(name) ?? 0) + ms);
	const a = area(node.callFrame);
	areas.set(a, (areas.get(a) ?? 0) + ms);
	const l = layer(node.callFrame);
	layers.set(l, (layers.get(l) ?? 0) + ms);
	// Count each function once per sample, however deep it recurses.
	const seen = new Set<string>();
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
		const l = label(byId.get(cur)!.callFrame);
		if (seen.has(l)) continue;
		seen.add(l);
		total.set(l, (total.get(l) ?? 0) + ms);
	}
});

const busyMs = totalMs - (areas.get('(idle)') ?? 0);
const show = (title: string, m: Map<string, number>, base: number) => {
	console.log(`\n${title}`);
	for (const [name, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows))
		console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / base) * 100).toFixed(1).padStart(5)}%  ${name}`);
};

console.log(`${file}: ${(totalMs / 1000).toFixed(2)} s sampled, ${(busyMs / 1000).toFixed(2)} s busy (percentages are of busy time)`);
show('Self time by layer', new Map([...layers].filter(([name]) => name !== '(idle)')), busyMs);
show('Self time by package', areas, busyMs);
show('Self time by function', self, busyMs);
show('Total time by function (on the stack)', total, busyMs);
