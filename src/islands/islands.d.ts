/** A student page's island script (see scripts/build/islands.ts). */
declare module '*?island' {
	const island: import('./island.ts').IslandAsset;
	export default island;
}
