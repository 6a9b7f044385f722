/**
 * The draft page's state: the article as typed or opened, the tagger's draft,
 * and the author's choice for each claim, with the messages a screen reader
 * hears as they change. Nothing here leaves the browser. (Past 150 lines, at
 * about 185: what a reload keeps is in kept.ts; the next to move out would be
 * the messages read out.)
 */
import { articleFileText } from '$lib/quiz/file-text.ts';
import { draftQuiz, DraftError, looksLikeHeadline, splitParagraphs, type Draft } from '$lib/tagger';
import {
	applyReview,
	articleLimitProblem,
	carryChoices,
	initialChoices,
	quizFileName,
	reviewItems,
	type Choice,
	type ReviewItem
} from '$lib/tagger/review.ts';
import { isKept, LABEL_SETS, type Kept, type LabelSet } from './kept.ts';

// One frame for "Tagging…" to show before a long article blocks the page for a moment.
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

export class DraftSession {
	labels = $state<LabelSet>('three');
	readonly categories = $derived(LABEL_SETS[this.labels]);
	text = $state('');
	headline = $state('');
	outlet = $state('');
	problem = $state<string | null>(null);
	busy = $state<'reading' | 'tagging' | null>(null);
	announcement = $state('');
	// The draft is replaced whole, never edited, so it needs no deep reactivity.
	tagged = $state.raw<{ text: string; draft: Draft; items: ReviewItem[] } | null>(null);
	choices = $state<Choice[]>([]);

	readonly detectedHeadline = $derived.by(() => {
		const firstLines = splitParagraphs(this.text.slice(0, 2_000));
		return this.headline.trim() === '' && firstLines.length > 1 && looksLikeHeadline(firstLines[0]!) ? firstLines[0]! : null;
	});
	readonly stale = $derived(this.tagged !== null && this.tagged.text !== this.text);
	readonly fileName = $derived(quizFileName(this.headline.trim() || this.tagged?.draft.headline));
	readonly includedCount = $derived(this.choices.filter((c) => c.included).length);
	readonly unreviewed = $derived(this.choices.filter((c) => c.included && !c.reviewed).length);

	#draft(text: string): Draft {
		return draftQuiz(text, this.labels === 'three' ? {} : { categories: this.categories });
	}

	#labelOf(id: string): string {
		return this.categories.find((c) => c.id === id)?.label ?? id;
	}

	// Alternating a trailing space makes a repeated message count as a change, so it is read again.
	#say(message: string) {
		this.announcement = this.announcement === message ? `${message}\u00a0` : message;
	}

	#progress(): string {
		const done = this.choices.filter((c) => c.reviewed || !c.included).length;
		return `${done} of ${this.choices.length} reviewed.`;
	}

	/** What a reload must bring back: the article and fields as typed, the text tagged, and each choice. */
	kept(): Kept {
		return {
			text: this.text,
			headline: this.headline,
			outlet: this.outlet,
			labels: this.labels,
			tagged: this.tagged?.text ?? null,
			choices: this.choices.map(({ category, reviewed, included }) => ({ category, reviewed, included }))
		};
	}

	/** Puts back what `kept` returned before a reload: the same text tags the same claims, so each choice finds its claim. */
	restore(value: unknown) {
		if (!isKept(value) || this.text.trim() !== '') return;
		this.text = value.text;
		this.headline = value.headline;
		this.outlet = value.outlet;
		this.labels = value.labels ?? 'three';
		if (value.tagged === null) return;
		try {
			const draft = this.#draft(value.tagged);
			const items = reviewItems(draft);
			const known = new Set<string>(this.categories.map((c) => c.id));
			const fits = value.choices.length === items.length && value.choices.every((c) => known.has(c.category));
			this.tagged = { text: value.tagged, draft, items };
			this.choices = fits ? value.choices : initialChoices(items);
		} catch {
			// A text the tagger refuses now was never tagged: the article is back, to tag again.
		}
	}

	async tag() {
		const source = this.text;
		this.problem = articleLimitProblem(source);
		if (this.problem) return;
		await this.#tagText(source);
	}

	async #tagText(source: string) {
		this.busy = 'tagging';
		await nextPaint();
		try {
			const draft = this.#draft(source);
			const items = reviewItems(draft);
			const carried = this.tagged ? carryChoices(this.tagged.items, this.choices, items, this.categories) : initialChoices(items);
			const kept = carried.filter((c) => c.reviewed || !c.included).length;
			this.tagged = { text: source, draft, items };
			this.choices = carried;
			this.#say(
				`Found ${items.length} ${items.length === 1 ? 'claim' : 'claims'} to review below.` +
					(kept ? ` Your choices for ${kept} unchanged claim${kept === 1 ? '' : 's'} are kept.` : '')
			);
		} catch (e) {
			this.problem =
				e instanceof DraftError ? e.message : `The tagger could not read this text (${String(e)}). Please report it with the article.`;
		} finally {
			this.busy = null;
		}
	}

	/**
	 * Another set of labels: the article as last tagged is tagged again with them, keeping every choice they
	 * still hold. Not the text as edited since, which may not tag at all: the claims would keep the old labels.
	 */
	async chooseLabels(labels: LabelSet) {
		this.labels = labels;
		if (this.tagged) await this.#tagText(this.tagged.text);
	}

	async openFile(file: File) {
		this.busy = 'reading';
		this.problem = null;
		try {
			// Read as the build reads a quiz file: a Word file, a picture or UTF-16 text each gets its own message.
			const read = articleFileText(new Uint8Array(await file.arrayBuffer()));
			if (!read.ok) {
				this.problem = `${file.name}: ${read.problem.message}. To open it here, ${read.problem.hint}.`;
				return;
			}
			this.text = read.text;
		} catch {
			this.problem = `${file.name} could not be read. Try opening it again, or paste its text instead.`;
			return;
		} finally {
			this.busy = null;
		}
		await this.tag();
	}

	choose(index: number, category: string) {
		this.choices[index] = { ...this.choices[index]!, category, reviewed: true };
		this.#say(`Claim ${index + 1}: ${this.#labelOf(category)}. ${this.#progress()}`);
	}

	accept(index: number) {
		if (!this.choices[index]!.included) {
			this.#say(`Claim ${index + 1} is dropped from the quiz: press X to bring it back. ${this.#progress()}`);
			return;
		}
		this.choices[index]!.reviewed = true;
		this.#say(`Claim ${index + 1} accepted as ${this.#labelOf(this.choices[index]!.category)}. ${this.#progress()}`);
	}

	include(index: number, included: boolean) {
		this.choices[index]!.included = included;
		this.#say(`Claim ${index + 1} ${included ? 'is back in' : 'dropped from'} the quiz. ${this.#progress()}`);
	}

	download() {
		if (!this.tagged) return;
		// Built on demand: a long article's quiz need not be rebuilt on every keystroke in the headline.
		const quiz = applyReview(this.tagged.draft, this.choices, { headline: this.headline, outlet: this.outlet });
		const json = `${JSON.stringify(quiz, null, '\t')}\n`;
		const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
		const link = Object.assign(document.createElement('a'), { href: url, download: this.fileName });
		link.click();
		URL.revokeObjectURL(url);
		this.#say(`Downloaded ${this.fileName}.`);
	}
}
