/**
 * Where students can reach this computer. A teacher who starts the app and
 * opens http://localhost:3000 sees links that work on this computer alone:
 * on a student's device, "localhost" is that device.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { lanAddresses } from './lan-addresses.js';

/** Whether a host name means "this computer" only: localhost, 127.x.x.x or ::1. */
export function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** This computer's addresses on its networks (lanAddresses), as origins with the page's protocol and port. */
export function networkOrigins(url: URL, interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
	const port = url.port ? `:${url.port}` : '';
	return lanAddresses(interfaces).map((address) => `${url.protocol}//${address}${port}`);
}
