import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopback, networkOrigins } from './network.ts';

const address = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
	({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

describe("where students reach the teacher's computer", () => {
	it('knows the names that mean this computer only', () => {
		for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.0.0.2', '[::1]']) expect(isLoopback(host), host).toBe(true);
		for (const host of ['192.168.1.20', 'school.test', 'quiz.school.example', '[fd00::2]']) expect(isLoopback(host), host).toBe(false);
	});

	it("lists the computer's network addresses with the page's port, leaving out loopback, IPv6 and self-assigned ones", () => {
		const interfaces = {
			lo: [address('127.0.0.1', 'IPv4', true), address('::1', 'IPv6', true)],
			wlan0: [address('192.168.1.20', 'IPv4'), address('fe80::1', 'IPv6')],
			eth0: [address('169.254.10.3', 'IPv4')]
		};
		expect(networkOrigins(new URL('http://localhost:3000/manage/x'), interfaces)).toEqual(['http://192.168.1.20:3000']);
		expect(networkOrigins(new URL('http://localhost/manage/x'), { lo: interfaces.lo })).toEqual([]);
	});
});
