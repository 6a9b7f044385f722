/** Lines and columns in the quiz-file box, counted as the checker counts them. */

export interface Position {
	line: number;
	column: number;
}

/** The offset of a 1-based line and column, clamped to the text. */
export function offsetAt(text: string, { line, column }: Position): number {
	let start = 0;
	for (let n = 1; n < line; n++) {
		const next = text.indexOf('\n', start);
		if (next < 0) return text.length;
		start = next + 1;
	}
	const end = text.indexOf('\n', start);
	return Math.min(start + Math.max(0, column - 1), end < 0 ? text.length : end);
}

/** The 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): Position {
	const before = text.slice(0, Math.max(0, offset));
	const lastBreak = before.lastIndexOf('\n');
	let line = 1;
	for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
	return { line, column: offset - lastBreak };
}

/** Puts the caret at a line and column, selecting the character there, and scrolls it into view, down and across. */
export function jumpTo(box: HTMLTextAreaElement, at: Position): void {
	const offset = offsetAt(box.value, at);
	box.focus();
	box.setSelectionRange(offset, Math.min(offset + 1, box.value.length));
	const style = getComputedStyle(box);
	// Without wrapping every line is one line high, so the line's place is known.
	const lineHeight = parseFloat(style.lineHeight) || 20;
	box.scrollTop = Math.max(0, (at.line - 3) * lineHeight);
	// A quote is one long line: its column may sit far to the right of what shows.
	const width = textWidth(box.value.slice(box.value.lastIndexOf('\n', offset - 1) + 1, offset), style);
	box.scrollLeft = Math.max(0, width - box.clientWidth / 2);
}

/** How wide `text` is in the box's font, its indenting tabs as wide as the box draws them. */
function textWidth(text: string, style: CSSStyleDeclaration): number {
	const context = document.createElement('canvas').getContext('2d');
	if (!context) return 0;
	context.font = style.font || `${style.fontSize} ${style.fontFamily}`;
	return context.measureText(text.replaceAll('\t', ' '.repeat(Number(style.tabSize) || 8))).width;
}
