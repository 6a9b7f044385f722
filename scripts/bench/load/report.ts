/** How the load scenarios print: figures, latency tables, CPU, and the check of stored rows. */
import type { CpuUsage, Tally } from '../load-client.ts';
import type { Stored } from './setup.ts';

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : int(n));
export const pct = (n: number | undefined) => (n === undefined ? 'n/a' : `${Math.round(n)}%`);
export const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

export function errorsText(t: Tally): string {
	const parts = [...t.errorStatuses()].map(([s, c]) => `HTTP ${s} ×${int(c)}`);
	parts.push(...[...t.socketErrors].map(([e, c]) => `socket ${e} ×${int(c)}`));
	parts.push(...[...t.problems].map(([e, c]) => `${e} ×${int(c)}`));
	return parts.length ? parts.join(', ') : 'none';
}

export function latencyTable(rows: [string, Tally][]): void {
	console.log(`  ${'latency (ms)'.padEnd(16)}${['sent', 'p50', 'p95', 'p99', 'max'].map((h) => h.padStart(8)).join('')}   errors`);
	for (const [name, t] of rows) {
		const [p50, p95, p99, max] = t.percentiles(50, 95, 99, 100);
		console.log(
			`  ${name.padEnd(16)}${[int(t.sent), ms(p50!), ms(p95!), ms(p99!), ms(max!)].map((v) => v.padStart(8)).join('')}   ${errorsText(t)}`
		);
	}
}

export function cpuLine(cpu: CpuUsage): string {
	return (
		`CPU: load client ${pct(cpu.clientPct)} of a core, server ${pct(cpu.serverPct)} of a core; ` +
		`the server's event loop waited for a core ${waitShare(cpu.serverWaitS, cpu.wallS)} of the time (2 cores; 1-min load average ${cpu.load1[0].toFixed(1)} → ${cpu.load1[1].toFixed(1)})`
	);
}

/** How long the server's event loop was ready and got no core: high when other programs share the machine, whatever the app does. */
export function waitShare(waitS: number | undefined, wallS: number): string {
	return waitS === undefined || Number.isNaN(waitS) ? 'n/a' : pct((waitS / wallS) * 100);
}

/** The app's per-address rate limit refusing requests, said plainly: the benchmark changes no setting to avoid it. */
export function rateLimitLine(t: Tally, note = ''): void {
	const refused = t.statuses.get(429);
	if (refused)
		console.log(`  RATE LIMITED: the app refused ${int(refused)} requests with 429, its per-address limit (src/lib/server/rate-limit.ts)${note ? ` ${note}` : ''}`);
}

/**
 * The check: as many rows as distinct answers acknowledged, and the same ones.
 * An answer whose response was lost (a timeout) may be stored without being
 * acknowledged; that is "stored, not acknowledged", not a loss.
 */
export function rowCheck(stored: Stored, acknowledged: Set<string>, note = ''): { lost: number; extra: number } {
	let lost = 0;
	for (const k of acknowledged) if (!stored.keys.has(k)) lost++;
	const extra = stored.keys.size - (acknowledged.size - lost);
	const ok = stored.count === acknowledged.size && lost === 0;
	console.log(
		`  CHECK stored answer rows ${int(stored.count)} ${stored.count === acknowledged.size ? '=' : '≠'} distinct answers acknowledged ${int(acknowledged.size)}` +
			`${ok ? '' : ` (acknowledged, not stored ${int(lost)}; stored, not acknowledged ${int(extra)})`}: ${ok ? 'OK' : 'MISMATCH'}${note}`
	);
	return { lost, extra };
}
