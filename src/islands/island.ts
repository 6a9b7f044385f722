/**
 * What a student page and its island agree on: the element the server renders
 * the player into, and the props it serialises there for hydration.
 */
export const ISLAND_ID = 'quiz-island';

/** What a page imports as `./x.ts?island` (built by scripts/build/islands.ts). */
export interface IslandAsset {
	/** The module to load with `<script type="module">`. */
	src: string;
	/** The modules it imports, to fetch at once with `<link rel="modulepreload">` instead of one after another. */
	preload: string[];
}

/** The island's root element and its props, or null when the page has none. */
export function islandRoot<Props>(): { target: HTMLElement; props: Props } | null {
	const target = document.getElementById(ISLAND_ID);
	return target?.dataset.props ? { target, props: JSON.parse(target.dataset.props) as Props } : null;
}
