/** Lighthouse's scores for a page, with its default mobile settings, in Debian's Chromium. */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from './server.ts';

export interface Scores {
	performance: number;
	accessibility: number;
	bestPractices: number;
}

export async function lighthouseScores(url: string): Promise<Scores> {
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM,
		chromeFlags: ['--headless=new', ...CHROMIUM_ARGS]
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility', 'best-practices']
		});
		const c = result?.lhr.categories;
		const score = (k: string) => Math.round((c?.[k]?.score ?? 0) * 100);
		return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices') };
	} finally {
		await chrome.kill();
	}
}
