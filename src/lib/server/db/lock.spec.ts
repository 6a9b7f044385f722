import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUse, lockDatabase } from './lock.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));
const dbIn = () => {
	const folder = mkdtempSync(join(tmpdir(), 'whosays-lock-'));
	folders.push(folder);
	return join(folder, 'whosays.db');
};

describe('one server per database file', () => {
	it('refuses a second server while the first is running, saying what to do', async () => {
		const path = dbIn();
		// Another process, still running, holds the lock.
		const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
		try {
			writeFileSync(`${path}.lock`, `${other.pid}\n${hostname()}\n`);
			expect(() => lockDatabase(path)).toThrow(DatabaseInUse);
			expect(() => lockDatabase(path)).toThrow(/already using .*whosays\.db.*WHOSAYS_DB/);
		} finally {
			other.kill();
		}
	});

	it('takes over a lock left by a process that is gone, and lets it go on shutdown', async () => {
		const path = dbIn();
		const gone = spawn(process.execPath, ['-e', '0']);
		await new Promise((resolve) => gone.on('exit', resolve));
		writeFileSync(`${path}.lock`, `${gone.pid}\n${hostname()}\n`);
		const release = lockDatabase(path);
		expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
		release();
		expect(existsSync(`${path}.lock`)).toBe(false);
	});
});
