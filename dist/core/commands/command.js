/** Splits arguments on whitespace. */
export const words = (args) => args.trim().split(/\s+/).filter(Boolean);
