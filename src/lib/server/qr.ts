/**
 * The QR code a teacher projects so a class can open the assignment link,
 * drawn on the server as SVG: no QR library in the page, crisp at any size.
 */
import QRCode from 'qrcode';

/**
 * Error correction M survives a projector's glare and a bit of keystone at a
 * modest size; the 4-module quiet zone is what the standard asks for.
 */
export async function qrSvg(url: string): Promise<string> {
	const parsed = new URL(url);
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
		throw new TypeError(`A QR code here is for a web address, not "${parsed.protocol}"`);
	return QRCode.toString(parsed.href, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
