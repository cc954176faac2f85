/** The content module: question packs loaded from `content/<pack>/<NN>-<slug>.md`. */
export { ContentInvalidError } from './errors.js';
export { ContentLibrary } from './library.js';
export { loadContentOrThrow } from './load-content.js';
export { ContentQuestionRules } from './question-rules.js';
