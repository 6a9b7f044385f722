import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { ISLAND_PROPS_ID } from '../../islands/island.ts';
import Island from './Island.svelte';

const children = createRawSnippet(() => ({ render: () => '<p>The player</p>' }));

function propsElement(body: string): string {
	const open = `<script type="application/json" id="${ISLAND_PROPS_ID}">`;
	const start = body.indexOf(open);
	expect(start).toBeGreaterThanOrEqual(0);
	return body.slice(start + open.length, body.indexOf('</script>', start));
}

describe('the island on a student page', () => {
	it('sends its props as JSON that no text in them can break out of', () => {
		const props = { title: 'Sessions </script><script>alert(1)</script>', note: '<!-- a comment', quote: '"said" & <b>done</b>' };
		const { body } = render(Island, { props: { island: { src: '/island.js', preload: [] }, props, children } });
		const json = propsElement(body);
		expect(json).not.toContain('<');
		expect(JSON.parse(json)).toEqual(props);
		expect(body).toContain('<p>The player</p>');
	});
});
