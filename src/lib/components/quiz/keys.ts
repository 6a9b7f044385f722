/**
 * A question's keyboard shortcuts, once the page's script runs: keys 1-9
 * choose the matching label or option, Enter checks. Typing in a text field,
 * a key with a modifier, or Enter on a button or link is left alone.
 */
export function answerKeys(event: KeyboardEvent, choiceIds: readonly string[], changed: (form: HTMLFormElement) => void): void {
	if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
	const target = event.target as HTMLElement | null;
	if (target?.closest('input[type=text], textarea, select, [contenteditable]')) return;
	const form = document.getElementById('quiz-step')?.closest('form');
	if (!form) return;
	const n = Number(event.key);
	if (Number.isInteger(n) && n >= 1 && n <= choiceIds.length) {
		event.preventDefault();
		const radio = form.querySelector<HTMLInputElement>(`input[name=choice][value="${CSS.escape(choiceIds[n - 1]!)}"]`);
		if (!radio) return;
		radio.checked = true;
		radio.focus();
		changed(form);
	} else if (event.key === 'Enter' && !target?.closest('button, a, summary')) {
		event.preventDefault();
		form.querySelector<HTMLButtonElement>('button[value="answer.submit"]')?.click();
	}
}
