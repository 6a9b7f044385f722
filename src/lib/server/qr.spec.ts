import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr.ts';

describe('the QR code', () => {
	it('is an SVG drawn on the server', async () => {
		const svg = await qrSvg('https://whosays.example/join/K7M-4PX');
		expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
		expect(svg).toContain('<path');
		expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
	});

	it('differs for different links and is the same for the same link', async () => {
		const a = await qrSvg('https://whosays.example/join/K7M-4PX');
		expect(await qrSvg('https://whosays.example/join/K7M-4PX')).toBe(a);
		expect(await qrSvg('https://whosays.example/join/RT9-WQ2')).not.toBe(a);
	});

	it('is only made for web addresses', async () => {
		await expect(qrSvg('javascript:alert(1)')).rejects.toThrow(TypeError);
		await expect(qrSvg('not a url')).rejects.toThrow();
	});
});
