import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CodeForm from './CodeForm.svelte';

describe('the class-code form', () => {
	it('shows the code that was typed, as the field’s starting value', () => {
		const { body } = render(CodeForm, { props: { typed: 'nope', error: 'A class code has 6 letters and digits' } });
		expect(body).toMatch(/<input[^>]*\svalue="nope"/);
	});
});
