/** A labelled article: what the tagger is measured against. */
export interface LabelledClaim {
	/** The claim, copied character for character from one paragraph of `text`. */
	text: string;
	/** The category id a careful author gives it. */
	category: string;
}

export interface LabelledArticle {
	id: string;
	headline: string;
	/** Where the article comes from, and whether it was written for this set. */
	source: string;
	fictional: boolean;
	/** The article body, paragraphs separated by blank lines, exactly as the tagger reads it. */
	text: string;
	labels: LabelledClaim[];
}
