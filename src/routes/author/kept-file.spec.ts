import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tabStorage } from '../../test-support/tab-storage.ts';
import { keepFile, keptFile } from './kept-file.ts';

describe('the author’s file kept in the tab', () => {
	beforeEach(() => vi.stubGlobal('sessionStorage', tabStorage()));
	afterEach(() => vi.unstubAllGlobals());

	it('comes back as it was kept, name and all', () => {
		keepFile({ text: '{ "title": "Draft" }', fileName: 'draft.json' });
		expect(keptFile()).toEqual({ text: '{ "title": "Draft" }', fileName: 'draft.json' });
	});

	it('is nothing when the tab kept none, or kept an empty box', () => {
		expect(keptFile()).toBeUndefined();
		keepFile({ text: '  \n', fileName: '' });
		expect(keptFile()).toBeUndefined();
	});

	it('is nothing when what the tab holds is not a kept file (another version of the page wrote it, or it was edited)', () => {
		for (const held of ['{"text":1,"fileName":"a.json"}', '{"text":"x"}', 'null', '"x"', '{not json']) {
			sessionStorage.setItem('whosays:author-file', held);
			expect(keptFile(), held).toBeUndefined();
		}
	});

	it('is nothing, and keeping does not throw, when the browser blocks storage', () => {
		vi.stubGlobal('sessionStorage', {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		});
		expect(() => keepFile({ text: 'x', fileName: 'a.json' })).not.toThrow();
		expect(keptFile()).toBeUndefined();
	});
});
