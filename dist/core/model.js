/**
 * The game's vocabulary: plain data shared by the core, the store and the adapters.
 * Nothing here knows about a platform or a database.
 */
/** Kinds of rubric a question may declare in its front matter. */
export const RUBRIC_KINDS = ['star'];
