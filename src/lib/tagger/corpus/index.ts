/** The labelled set the tagger's accuracy is measured on. */
import { harlowRidgePlant } from './harlow-ridge-plant.ts';
import { millbrookArtsBudget } from './millbrook-arts-budget.ts';
import { sessionsOfferedToResign } from './sessions-offered-to-resign.ts';
import type { LabelledArticle } from './types.ts';

export type { LabelledArticle, LabelledClaim } from './types.ts';

export const CORPUS: readonly LabelledArticle[] = [sessionsOfferedToResign, millbrookArtsBudget, harlowRidgePlant];
