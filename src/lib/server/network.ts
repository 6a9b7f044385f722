/**
 * Where students can reach this computer. A teacher who starts the app and
 * opens http://localhost:3000 sees links that work on this computer alone:
 * on a student's device, "localhost" is that device.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** Whether a host name means "this computer" only: localhost, 127.x.x.x or ::1. */
export function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * This computer's addresses on its networks, as origins with the page's
 * protocol and port: IPv4 only (an address a teacher can read out), and no
 * self-assigned 169.254 address, which no other device reaches.
 */
export function networkOrigins(url: URL, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
	const port = url.port ? `:${url.port}` : '';
	return Object.values(interfaces)
		.flatMap((list) => list ?? [])
		.filter((a) => !a.internal && a.family === 'IPv4' && !a.address.startsWith('169.254.'))
		.map((a) => `${url.protocol}//${a.address}${port}`);
}
