/** The content module: question packs loaded from `content/<pack>/<NN>-<slug>.md`. */
export { ContentInvalidError, formatContentError, type ContentError } from './errors.js';
export { ContentLibrary, type PackSummary, type TopicSummary } from './library.js';
export { loadContent, loadContentOrThrow, QUESTION_FILE, type LoadResult } from './load-content.js';
export { parseQuestion, type ParseResult, type QuestionSource } from './parse-question.js';
export { FrontMatterSchema, KeyPointSchema, KEBAB_CASE, type FrontMatter } from './schema.js';
