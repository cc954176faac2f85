/**
 * English word lists for the offline grader: function words that carry no content, and very
 * common content words that carry little. General English knowledge only; nothing here comes from
 * an evaluation set.
 */
/**
 * Light words: quantifiers, negations, order and place words ("once", "before", "not", "each").
 * Function words in prose, but they often carry the point of a technical answer, so they count
 * as terms with a small weight (see LIGHT_WEIGHT) while still marking sentence structure.
 */
export const LIGHT_WORDS = new Set(`all any both each few more most no nor not only same than before after above below between
  during under over again once until while up down out off into through against without within
  every either neither ever never first last`
    .split(/\s+/)
    .filter((w) => w.length > 0));
/** Function words, dropped before matching (compared before stemming, lowercase). */
export const STOP_WORDS = new Set(`a about am an and are aren't as at be because been being but by can can't cannot could couldn't
  did didn't do does doesn't doing don't for from further had hadn't has hasn't have haven't having
  he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
  in is isn't it it's its itself let's me mustn't my myself of on or other ought our ours ourselves
  own shan't she she'd she'll she's should shouldn't so some such that that's the their theirs them
  themselves then there there's these they they'd they'll they're they've this those to too was
  wasn't we we'd we'll we're we've were weren't what what's when when's where where's which who
  who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
  yourself yourselves also just may might must shall us etc eg ie via per whether thus hence
  therefore however yet still even rather else upon among amongst s t d ll re ve m o`
    .split(/\s+/)
    .filter((w) => w.length > 0));
/**
 * Frequent content words of everyday English (stems after Porter stemming are compared, so forms
 * are listed plainly and stemmed by the caller). They count, but less than rarer words.
 */
export const COMMON_WORDS = `
  one two three first second new old good bad big small large little long short high low many much
  make made use used using get got give given take taken way ways thing things something anything
  everything nothing part kind type sort lot number time times place case cases point points fact
  example examples need needs want like know known see seen say said tell call called put set
  mean means able allow allows help helps keep kept let go goes going come comes work works done
  do does did show shows find found try look well back end begin start same different another
  certain specific general simple easy hard important main basic whole able possible able often
  usually always never sometimes really actually basically simply instead more less most least
  include includes including contain contains containing provide provides following follow way
  become becomes create creates created change changes changed hold holds held run runs running
  term terms word words name names`
    .split(/\s+/)
    .filter((w) => w.length > 0);
