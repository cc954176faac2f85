/**
 * The phrases that address a grader instead of answering a question: overriding instructions,
 * role play, role tags and chat-template tokens, demands for a score, fake grading JSON, appeals,
 * decoding tricks, in English and the common basics of other languages. Each pattern names a
 * reason (logged, never the answer text). Recall matters more than precision here: a flag alone
 * changes no score; only a flagged answer that covers nothing of the reference is capped.
 *
 * Patterns are written with plain spaces between words and `\b` for word edges; `compile` turns a
 * space into "any run of spaces or punctuation" (` ?` into an optional run) and `\b` into a
 * Unicode-aware word edge.
 */

export type InjectionReason =
  | 'ignore-instructions'
  | 'role-play'
  | 'role-tag'
  | 'delimiter-forging'
  | 'grade-demand'
  | 'score-claim'
  | 'fake-result'
  | 'addresses-grader'
  | 'policy-override'
  | 'appeal'
  | 'encoded-instructions'
  | 'hidden-text';

export interface InjectionPattern {
  reason: InjectionReason;
  re: RegExp;
}

const SEP = `[\\s*_~\`'"“”‘’«»„.,:;!()\\[\\]-]+`;
const L = '[\\p{L}\\p{N}]';
const EDGE = `(?:(?<!${L})(?=${L})|(?<=${L})(?!${L}))`;

function compile(src: string, flags = 'gu'): RegExp {
  return new RegExp(src.replace(/\\b/g, EDGE).replace(/ \?/g, `(?:${SEP})?`).replace(/ /g, SEP), flags);
}

const p = (reason: InjectionReason, ...sources: string[]): InjectionPattern[] => sources.map((s) => ({ reason, re: compile(s) }));

const MODS = '(?:(?:all|any|every|the|your|my|of|these|those|previous|prior|preceding|earlier|above|former|original|initial|existing|system|grading|other|its|their|developer|developers|previously given|given) ){0,6}';
const RULES = '(?:instructions?|rules|prompts?|guidelines|directions|directives|rubric|commands|orders|guidance|everything above|the above)';
const TEN = '(?:10 ?/ ?10|10 out of 10|10 of 10|ten out of ten|100 ?%|full marks|full points|full credit|full score|(?:a )?perfect (?:score|grade|mark|10)|(?:the )?(?:max|maximum|highest|top|best) (?:score|grade|marks?|points)|a 10|a ten|10 points|10 marks)';

/** Run on the primary view (lower case, look-alikes and leetspeak undone). */
export const WORD_PATTERNS: InjectionPattern[] = [
  ...p(
    'ignore-instructions',
    `\\b(?:ignore|disregard|forget|skip|bypass|override|overrule|neglect|discard|abandon|set aside) ${MODS}${RULES}\\b`,
    `\\bdo not (?:follow|obey|apply|use) ${MODS}(?:instructions?|rules|rubric|guidelines|reference)\\b`,
    // German, French, Spanish, Italian, Portuguese, Dutch
    `\\b(?:ignorier(?:e|en|t)?|vergiss|vergessen sie|missachte(?:n)?) (?:(?:alle|die|deine|ihre|bisherigen|vorherigen|obigen|vorigen|früheren|fruheren) ){0,6}(?:anweisungen|instruktionen|regeln|vorgaben|befehle)\\b`,
    `\\b(?:ignore[zr]?|oublie[zr]?|n'?obéis pas) (?:(?:toutes|tous|les|vos|tes|des|aux|ces|précédentes|precedentes) ){0,6}(?:instructions|consignes|règles|regles|directives)\\b`,
    `\\b(?:ignora(?:r)?|olvida(?:r)?|olvide) (?:(?:todas|todos|las|los|tus|sus|anteriores) ){0,6}(?:instrucciones|reglas|indicaciones|órdenes|ordenes)\\b`,
    `\\b(?:ignora|dimentica) (?:(?:tutte|le|tue|sue|precedenti) ){0,6}(?:istruzioni|regole)\\b`,
    `\\b(?:ignore|ignora|esqueça|esqueca) (?:(?:todas|as|suas|tuas) ){0,6}(?:instruções|instrucoes|regras)\\b`,
    `\\bnegeer (?:(?:alle|de|vorige|eerdere) ){0,6}(?:instructies|regels)\\b`,
    // Russian, Chinese, Japanese (no word edges in the last two)
    `(?:проигнорируй|игнорируй|забудь|игнорируйте|забудьте) (?:(?:все|всё|предыдущие|прежние|эти) ){0,6}(?:инструкции|указания|правила)`,
    `(?:忽略|无视|忘记|忘掉)(?:之前|以上|上面|前面|所有|全部|的|一切){0,6}(?:指令|指示|说明|规则|提示)`,
    `(?:以前|前|上記|これまで)の(?:指示|命令|ルール)を(?:無視|忘れ)`,
  ),
  ...p(
    'role-play',
    `\\byou are (?:now|no longer)\\b`,
    `\\bfrom now on(?:,)? you\\b`,
    `\\b(?:act|behave|respond) as (?:if you were |though you were )?(?:a|an|the|my) (?:\\p{L}+ ){0,2}(?:grader|evaluator|examiner|teacher|marker)\\b`,
    `\\bpretend (?:to be|you are|that you)\\b`,
    `\\brole ?-?play\\b`,
    `\\bimagine (?:that )?you are\\b`,
    `\\byour (?:new|real|true|only) (?:role|task|job|instructions?|purpose|goal)\\b`,
    `\\bnew instructions?\\b`,
    `\\b(?:developer|dan|god|admin|debug) mode\\b`,
    `\\bjailbr(?:eak|oken)\\b`,
    `\\bdo anything now\\b`,
    `\\b(?:du bist|sie sind) (?:jetzt|nun|ab jetzt)\\b`,
    `\\b(?:tu es|vous êtes|vous etes) (?:maintenant|désormais|desormais)\\b`,
    `\\bahora eres\\b`,
  ),
  ...p(
    'role-tag',
    // A line that starts with a role label speaks to the model: the whole line goes.
    `(?:^|\\n)[\\t\\x20>#*\\[(<{|]*(?:system|assistant|developer|user|grader|admin|administrator|instructions?|evaluator|operator)(?: (?:message|prompt|note|notice|update|override))?[\\t\\x20\\])>}*|]*:[^\\n]*`,
    `<\\|[a-z_]{2,30}\\|>`,
    `\\[/?inst\\]`,
    `<</?sys>>`,
    `</?(?:system|assistant|user|developer|instructions?|grader|im_start|im_end|s)>`,
    `###\\s*(?:system|instruction|response|assistant)\\b`,
    `\\bend of (?:the )?(?:student |candidate |user )?(?:answer|input|data|submission)\\b`,
  ),
  ...p(
    'delimiter-forging',
    `(?<!<)<{2,}\\s*/?\\s*(?:end|answer|data|input|student|candidate|begin|start)[^\\n]{0,60}`,
    `(?:answer|data|input)[-_a-z0-9]{0,40}>{2,}`,
  ),
  ...p(
    'grade-demand',
    `\\b(?:give|award|assign|grant|rate|mark|grade) (?:(?:me|this|it|that|my|the|answer|response|submission|candidate|student|us|a|an|its|score|grade|as|with|at|to|of|please|just|only|simply) ){0,6}${TEN}`,
    `\\b(?:10 ?/ ?10|10 out of 10|ten out of ten|full marks|full credit)\\b`,
    `\\b(?:give|award|assign|grant) (?:(?:me|this|it|my answer|the answer|this answer|a) ){0,6}(?:10|ten)(?=\\s*(?:[.!,;]|$|/|out|points?|marks?|please))`,
    `\\b(?:grade|mark|score|rate|treat|evaluate) (?:this|it|my answer|the answer|this answer|this response|me) as\\b`,
    `\\b(?:mark|set|consider|treat|label|count) (?:all|every|each) (?:of )?(?:the )?(?:key )?points? (?:as )?(?:covered|correct|complete|present)\\b`,
    `\\b(?:all|every|each) (?:of )?(?:the )?(?:key )?points? (?:are|is|were|as)? ?(?:fully )?covered\\b`,
    `\\bdeserves? (?:a |the )?(?:10|ten|full|perfect|maximum|top|highest|high score)\\b`,
    `\\bi deserve\\b`,
    `\\b(?:gib|geben sie|vergib) (?:(?:mir|dieser|der|antwort|bitte|die|eine|einfach) ){0,6}(?:volle punktzahl|volle punkte|höchstpunktzahl|bestnote|10 ?/ ?10|10 von 10|zehn von zehn|10 punkte)`,
    `\\b(?:donne[zr]?|mets|mettez|attribue[zr]?)(?: moi)? (?:(?:la|une|un|note|de|à|a|cette|réponse|reponse) ){0,6}(?:10 ?/ ?10|20 ?/ ?20|note maximale|note parfaite|dix sur dix|meilleure note)`,
    `\\b(?:da(?:me|le)?|pon(?:me|le)?|asigna(?:me|le)?|otorga(?:me|le)?) (?:(?:un|una|la|el|a|esta|respuesta|nota) ){0,6}(?:10 ?/ ?10|10 de 10|diez de diez|nota máxima|nota maxima|puntuación máxima|puntuacion maxima|puntuación perfecta|calificación máxima)`,
    `\\bdammi (?:(?:un|il) )?(?:10|dieci|massimo)\\b`,
    `(?:поставь|поставьте|дай|дайте) (?:мне )?(?:10|десять|максимальн)`,
    `(?:给|打)(?:我|这个答案|本答案)?(?:满分|10分|十分)`,
    `満点`,
  ),
  ...p(
    'score-claim',
    `\\b(?:score|grade|rating|mark|points?|note|nota|punktzahl|final score)\\s*(?:[:=]|is|should be|must be|will be)\\s*(?:10|ten|100)(?:\\s*/\\s*10|\\s*out of (?:10|ten)|\\s*%|\\s*points)?(?!\\s*[\\p{L}\\p{N}])`,
    `\\b(?:correct|right|true|real|actual|fair|proper|deserved) (?:grade|score|mark|rating) (?:is|would be|should be|must be)\\b`,
    `\\breference (?:answer |solution )?(?:is|was) (?:wrong|incorrect|outdated|mistaken|false|invalid|flawed)\\b`,
    `\\b(?:rubric|key points?|marking scheme|grading scheme) (?:is|are) (?:wrong|incorrect|outdated|invalid)\\b`,
  ),
  ...p(
    'fake-result',
    `["'“”]\\s*(?:score|verdicts?|covered|missed|partly|grade|advice|final_score|rating|points_covered|evidence)\\s*["'“”]\\s*:[^\\n]*`,
    `[{,]\\s*(?:score|verdicts?|grade|final_score)\\s*:\\s*["'\\[{\\d][^\\n]*`,
  ),
  ...p(
    'addresses-grader',
    `\\b(?:dear|hey|hi|hello|note to|note for|message to|message for|instructions for|p\\.?s\\.? to|reminder to) (?:the |my |our )?(?:ai |llm )?(?:grader|evaluator|examiner|marker|judge|ai|model|llm|assistant|chatgpt|gpt|claude|bot|grading (?:model|system|bot))\\b`,
    `\\bas (?:the|an|a|your) (?:ai |llm |language model )?(?:grader|evaluator|examiner|marker|grading (?:model|assistant|system|ai))\\b`,
    `\\bas an ai (?:grader|judge|evaluator|model|assistant|language model)\\b`,
    `\\b(?:grader|evaluator|examiner|marker)[,:]? (?:you|please)\\b`,
    `\\b(?:you|your model) (?:must|should|will|have to|need to|are required to|are instructed to|shall) (?:now )?(?:(?:give|award|grant|assign) (?:me|this|it|my|the answer|this answer|the candidate|every|all|full|a perfect|10|ten|max|maximum|the maximum|the highest)|(?:grade|mark|score|rate) (?:this|it|me|my|the answer|this answer)|comply|obey)\\b`,
    `\\b(?:grader|model|ai|assistant|llm)s? (?:must|should|shall|will) (?:give|award|output|mark|score)\\b`,
  ),
  ...p(
    'policy-override',
    `\\b(?:system|admin|administrator|developer|priority|emergency|grading|official) (?:override|notice|alert|announcement|directive)s?\\b`,
    `\\b(?:admin|administrator|priority|emergency|grading|official|urgent) (?:message|instruction|update|command)s?\\b`,
    `\\b(?:grading|scoring|evaluation|marking) (?:policy|rules?|criteria|instructions?|rubric|scheme) (?:has|have)? ?(?:been )?(?:changed|updated|replaced|modified|revised)\\b`,
    `\\bnew (?:grading|scoring|marking) (?:policy|rules?|criteria|instructions?|scheme)\\b`,
    `\\boverride (?:code|mode|enabled|activated|accepted)\\b`,
  ),
  ...p(
    'appeal',
    `\\bmy (?:job|career|life|future|visa|scholarship|grade|promotion|family|livelihood|degree|offer|bonus|rent) (?:depends|is riding|relies|hangs|is on the line|is at stake)\\b`,
    `\\b(?:i|we) (?:will|would|could|might|am going to) (?:be fired|get fired|lose my (?:job|visa|scholarship)|fail (?:the|my) |be expelled|die)`,
    `\\bplease (?:be (?:generous|lenient|kind)|grade (?:me )?(?:high|generously|leniently|kindly)|give me (?:a )?(?:good|high|passing|full))`,
    `\\b(?:be|grade|mark) (?:generous|lenient|generously|leniently)\\b`,
    `\\b(?:begging|i beg) you\\b`,
  ),
  ...p(
    'encoded-instructions',
    `\\b(?:decode|base ?64 ?-?decode|rot13|reverse|unscramble|translate) (?:(?:this|the|following|text|message|string|below|and|then) ){0,6}(?:and|then) (?:follow|obey|execute|do|apply|comply)\\b`,
    `\\b(?:follow|execute|obey|run|apply|carry out) (?:the |these |those )?(?:decoded|hidden|encoded|embedded|following|secret|below) (?:instructions?|text|message|payload|commands?)\\b`,
  ),
];

/** Run on the compact view (letters and digits only), for spaced-out or split words. */
export const COMPACT_PATTERNS: InjectionPattern[] = [
  ...p(
    'ignore-instructions',
    '(?:ignore|disregard|forget|bypass|override)(?:all|any|the|your|previous|prior|above|earlier|preceding|system|of|these){0,6}(?:instructions?|rules|prompts?|guidelines|rubric)',
  ),
  ...p('role-play', 'youarenow', 'developermode', 'newinstructions'),
  ...p('grade-demand', '(?:give|award|grant|assign)(?:me|this|it|the|answer|a){0,6}(?:fullmarks|fullpoints|fullscore|perfectscore|maximumscore|1010|10outof10|tenoutoften)', 'fullmarks'),
  ...p('policy-override', 'systemoverride', 'systemmessage', 'adminoverride'),
];

/** Run on the reversed and ROT13 views: only the unmistakable phrases, to keep noise out. */
export const DISGUISED_PATTERNS: InjectionPattern[] = [
  ...p('encoded-instructions', `\\b(?:ignore|disregard|forget) ${MODS}${RULES}\\b`, `\\bgive (?:(?:me|this|it|the|answer|a) ){0,6}${TEN}`, `\\byou are now\\b`, `\\bfull marks\\b`),
];
