/** The parts of the `stopword` package prepbot uses (it ships no types). */
declare module 'stopword' {
  export const eng: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
