/**
 * The addresses other devices on this computer's networks reach it at. Plain
 * JavaScript, so that `server.js` (run by Node as it is, outside the build)
 * prints the same addresses at start that a teacher's dashboard links to.
 */
import { networkInterfaces } from 'node:os';

/**
 * IPv4 only (an address a teacher can read out), with no loopback and no
 * self-assigned 169.254 address, which no other device reaches.
 * @param {NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>} [interfaces]
 * @returns {string[]}
 */
export function lanAddresses(interfaces = networkInterfaces()) {
	return Object.values(interfaces)
		.flatMap((list) => list ?? [])
		.filter((a) => !a.internal && a.family === 'IPv4' && !a.address.startsWith('169.254.'))
		.map((a) => a.address);
}
