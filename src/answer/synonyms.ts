// Filled in below from the knowledge's own vocabulary: groups of stems people use for the same thing.
export const SYNONYMS = new Map<string, string>();
