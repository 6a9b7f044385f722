/**
 * The date-and-time fields of a teacher's forms (`<input type="datetime-local">`),
 * on their way to the server: the times are typed on the teacher's own clock.
 */
export const HALF_TYPED = 'Type the time as well as the date, or clear the field.';

/**
 * What the browser itself knows is wrong before sending, by field: a date
 * typed without its time, which it would send as empty. Null when nothing is.
 */
export function halfTyped(form: HTMLFormElement, names: readonly string[]): Record<string, string> | null {
	const wrong = names.filter((name) => (form.elements.namedItem(name) as HTMLInputElement | null)?.validity.badInput);
	return wrong.length ? Object.fromEntries(wrong.map((name) => [name, HALF_TYPED])) : null;
}

/**
 * This device's offset from UTC (in minutes, as `getTimezoneOffset()` counts
 * them) at a time typed in a field: a July date typed in December has July's
 * offset. Today's when the field holds no time.
 */
function zoneOffsetAt(local: string): number {
	const typed = new Date(local);
	return (Number.isNaN(typed.getTime()) ? new Date() : typed).getTimezoneOffset();
}

/**
 * Sends each time with this device's offset at that time (`opensAtOffset`
 * beside `opensAt`): a time after the clocks change keeps the hour typed.
 */
export function withOffsets(data: FormData, names: readonly string[]): void {
	for (const name of names) data.set(`${name}Offset`, String(zoneOffsetAt(String(data.get(name) ?? ''))));
}
