/**
 * The mark the draft assistant puts at the start of every text an author must
 * still write. The checker refuses a quiz while any is left, since students would read it.
 */
export const TODO = 'TODO:';
