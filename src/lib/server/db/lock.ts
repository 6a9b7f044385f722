/**
 * One server per database file. Two processes on one SQLite file would
 * each keep their own rate limits and their own write queue, and collide on
 * the file's lock (SQLITE_BUSY_SNAPSHOT); the second is refused at start
 * instead, with a message that says what to do. The lock is a file beside the
 * database holding the server's process id: a lock left by a process that is
 * gone (killed, a power cut) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export class DatabaseInUse extends Error {
	override readonly name = 'DatabaseInUse';
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock on the database at `path`; returns how to let it go. */
export function lockDatabase(path: string): () => void {
	const lock = `${path}.lock`;
	const mine = `${process.pid}\n${hostname()}\n`;
	for (let tries = 0; ; tries++) {
		try {
			writeFileSync(lock, mine, { flag: 'wx' });
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 2) throw error;
			const [pid = '', host = ''] = readFileSync(lock, 'utf8').split('\n');
			if (host === hostname() && Number(pid) !== process.pid && isRunning(Number(pid)))
				throw new DatabaseInUse(
					`Another Who Says? server (process ${pid}) is already using ${path}. One server serves one database file: ` +
						`stop the other one, or give this one a file of its own with WHOSAYS_DB=... ` +
						`If no other server is running, delete ${lock} and start again.`
				);
			// Left by a process that is gone.
			rmSync(lock, { force: true });
		}
	}
	return () => {
		try {
			if (readFileSync(lock, 'utf8') === mine) rmSync(lock, { force: true });
		} catch {
			// Already gone.
		}
	};
}
