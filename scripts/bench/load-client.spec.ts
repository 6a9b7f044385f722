import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { acceptQueue } from './load-client.ts';

describe('acceptQueue', () => {
	it('counts the connections a stopped server has not accepted, and none once it accepts them', async () => {
		// A server in a process of its own, so it can be stopped while the system completes the connections.
		const child = spawn(process.execPath, ['-e', `const s = require('node:net').createServer(() => {}).listen(0, '127.0.0.1', () => console.log(s.address().port));`], {
			stdio: ['ignore', 'pipe', 'inherit']
		});
		const sockets: Socket[] = [];
		try {
			const [line] = (await once(child.stdout!, 'data')) as [Buffer];
			const port = Number(line.toString().trim());
			expect(acceptQueue(port)).toBe(0);
			child.kill('SIGSTOP');
			for (let i = 0; i < 3; i++) {
				const socket = connect(port, '127.0.0.1');
				sockets.push(socket);
				await once(socket, 'connect');
			}
			expect(acceptQueue(port)).toBe(3);
			child.kill('SIGCONT');
			await expect.poll(() => acceptQueue(port)).toBe(0);
		} finally {
			for (const s of sockets) s.destroy();
			child.kill('SIGKILL');
		}
	});

	it('knows nothing of a port no server listens on', async () => {
		const server = createServer().listen(0, '127.0.0.1');
		await once(server, 'listening');
		const { port } = server.address() as { port: number };
		server.close();
		await once(server, 'close');
		expect(acceptQueue(port)).toBeUndefined();
	});
});
