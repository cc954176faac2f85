import { recordAction } from '../audit.js';
import { cmd } from '../command-text.js';
import type { DepsWith } from '../context.js';
import { endSentence, plural, quote, scopeNoun } from '../display.js';
import type { Actor, Difficulty, Place } from '../model.js';
import { notifyAdmins } from '../notify.js';
import { error, text, type Reply, type SuggestFormReply } from '../replies.js';
import type { Suggestion } from '../stores/suggestion-store.js';
import { draftOf, draftOfSuggestion, teamQuestionId } from './draft.js';
import { emptyFields, FIELD_LABELS, parseLabelled, type DraftProblem, type SuggestionFields } from './form.js';
import { TEAM_PACK } from './team-bank.js';

/** Pending suggestions one member may have at a time, so a flood waits for the admins. */
const MAX_PENDING_PER_MEMBER = 10;
/** Longest rejection reason kept. */
const MAX_REASON = 500;
/** Suggestions shown in full by one `suggestions`. */
const LISTED = 5;

type SuggestionDeps = DepsWith<'suggestions' | 'channels' | 'admins'>;

/**
 * The team's own questions: any member suggests one through a form; it is checked as a question
 * file is (the content rules), kept as a draft when it does not pass, and otherwise waits for an
 * admin, who approves it into the server's or workspace's own pack or rejects it. The member hears
 * the outcome privately. Nothing crosses a scope: a suggestion of another is "not found".
 */
export class Suggestions {
  constructor(private readonly d: SuggestionDeps) {}

  /** The form `suggest` opens: empty, or with the member's kept draft and what still needs fixing in it. */
  form(actor: Actor, place: Place): SuggestFormReply {
    const draft = this.d.store.suggestions.draft(place.scopeId, actor.id);
    if (!draft) {
      const intro = `Suggest a question for this ${scopeNoun(place.platform)}'s own pack. The admins review it; you hear privately whether it was approved.`;
      return { kind: 'suggest-form', visibility: 'private', values: emptyFields(), problems: [], intro };
    }
    const problems = this.d.rules.check(draftOf(draft), this.d.content.all(place.scopeId));
    return { kind: 'suggest-form', visibility: 'private', values: draft, problems, intro: 'Your draft is back, as you left it. Change what needs changing and send it again.' };
  }

  /** `suggest <labelled text>`: the given fields over the member's draft, then {@link submit}. `cancel` drops the draft. */
  async submitText(actor: Actor, place: Place, raw: string): Promise<Reply> {
    if (/^cancel$/i.test(raw.trim())) {
      const had = this.d.store.suggestions.draft(place.scopeId, actor.id);
      this.d.store.suggestions.clearDraft(place.scopeId, actor.id);
      return text(had ? 'Your draft suggestion is dropped.' : 'You have no draft suggestion to drop.');
    }
    const base = this.d.store.suggestions.draft(place.scopeId, actor.id) ?? emptyFields();
    return this.submit(actor, place, { ...base, ...parseLabelled(raw) });
  }

  /**
   * A filled-in form: stored as pending and told to the admins when it passes the content checks;
   * otherwise kept as the member's draft and returned as the form with what to fix, field by field.
   */
  async submit(actor: Actor, place: Place, fields: SuggestionFields): Promise<Reply> {
    const { store, clock, content, rules, logger } = this.d;
    const draft = draftOf(fields);
    const problems = rules.check(draft, content.all(place.scopeId));
    if (problems.length > 0) {
      store.suggestions.saveDraft(place.scopeId, actor.id, fields, clock.now());
      return this.formWithProblems(place, fields, problems);
    }
    const mine = store.suggestions.pendingSuggestions(place.scopeId).filter((s) => s.userId === actor.id).length;
    if (mine >= MAX_PENDING_PER_MEMBER) {
      store.suggestions.saveDraft(place.scopeId, actor.id, fields, clock.now());
      return error(`You have ${mine} suggestions waiting for the admins; send this one once they have decided some. It is kept as your draft.`);
    }
    const s = store.suggestions.addSuggestion({ scopeId: place.scopeId, channelId: place.channelId, userId: actor.id, ...draftForStore(draft), createdAt: clock.now() });
    logger.info({ suggestionId: s.id, userId: actor.id, scopeId: place.scopeId }, 'question suggested');
    await notifyAdmins(
      this.d,
      place.channelId,
      `Suggestion #${s.id} from ${actor.name} for this ${scopeNoun(place.platform)}'s own pack: "${quote(s.prompt, 200)}" (${s.topic}, ${s.difficulty}, ${plural(s.keyPoints.length, 'key point')}). Review it with ${cmd(place.platform, 'suggestions')}, then ${cmd(place.platform, `approve ${s.id}`)} or ${cmd(place.platform, `reject ${s.id} [reason]`)}.`,
    );
    return text(`Thanks: suggestion #${s.id} is with the admins. You will hear privately whether it joins this ${scopeNoun(place.platform)}'s pack.`, 'private', 'success');
  }

  private formWithProblems(place: Place, fields: SuggestionFields, problems: DraftProblem[]): SuggestFormReply {
    const how = place.platform === 'console'
      ? `Send ${cmd('console', 'suggest')} again with only the lines to change (then a line with a single "."), or ${cmd('console', 'suggest cancel')} to drop it.`
      : 'Open the form again to fix it; your text is kept.';
    return { kind: 'suggest-form', visibility: 'private', values: fields, problems, intro: `Your suggestion needs a change before it goes to the admins; nothing is lost. ${how}` };
  }

  /** `suggestions`: the scope's pending suggestions, in full, oldest first. */
  list(place: Place): Reply {
    const { store, content } = this.d;
    const pending = store.suggestions.pendingSuggestions(place.scopeId);
    const own = content.byPacks([TEAM_PACK], place.scopeId).length;
    const packLine = `This ${scopeNoun(place.platform)}'s own pack ("${TEAM_PACK}") has ${plural(own, 'question')}; ${cmd(place.platform, 'export pack')} writes it as Markdown files.`;
    if (pending.length === 0) return text(`No suggestions are waiting. Members propose questions with ${cmd(place.platform, 'suggest')}.\n${packLine}`);
    const lines = [`Suggestions waiting (${pending.length}), oldest first:`];
    for (const s of pending.slice(0, LISTED)) lines.push('', ...this.describe(s, place));
    if (pending.length > LISTED) lines.push('', `...and ${plural(pending.length - LISTED, 'more suggestion')}; decide these first.`);
    lines.push('', packLine);
    return text(lines.join('\n'));
  }

  private describe(s: Suggestion, place: Place): string[] {
    const name = this.d.store.channels.getUser(s.userId)?.name ?? s.userId;
    return [
      `#${s.id} from ${name} [${s.topic}, ${s.difficulty}]: ${quote(s.prompt, 256)}`,
      `  Reference: ${quote(s.reference, 800)}`,
      '  Key points:',
      ...s.keyPoints.map((k, i) => `    ${i + 1}. ${quote(k, 200)}`),
      ...(s.hint ? [`  Hint: ${quote(s.hint, 300)}`] : []),
      `  ${cmd(place.platform, `approve ${s.id} [easy|medium|hard]`)} or ${cmd(place.platform, `reject ${s.id} [reason]`)}`,
    ];
  }

  /** An admin approves a suggestion into the team pack, checked once more against the questions there now. */
  async approve(actor: Actor, place: Place, id: number, difficulty?: Difficulty): Promise<Reply> {
    const { store, clock, content, rules, logger } = this.d;
    const s = this.findHere(place, id);
    if (typeof s === 'string') return error(s);
    if (s.status !== 'pending') return text(this.decided(s));
    const problems = rules.check(draftOfSuggestion(s, difficulty), content.all(place.scopeId));
    if (problems.length > 0) {
      const list = problems.map((p) => `  ${FIELD_LABELS[p.field]}: ${p.message}`).join('\n');
      return error(`Suggestion #${id} does not pass the checks now:\n${list}\nReject it with a reason (${cmd(place.platform, `reject ${id} <reason>`)}); the member can suggest it again, changed.`);
    }
    const questionId = teamQuestionId(s);
    const approved = store.suggestions.approveSuggestion(id, { questionId, difficulty: difficulty ?? s.difficulty, by: actor.id, at: clock.now() });
    if (!approved) return text(this.decided(store.suggestions.getSuggestion(id) ?? s));
    recordAction(this.d, actor, place, 'approve', `suggestion #${id} as ${questionId}`);
    logger.info({ suggestionId: id, questionId }, 'suggestion approved');
    const noun = scopeNoun(place.platform);
    await this.tell(approved, `Your suggested question "${quote(approved.prompt, 200)}" was approved: it joins this ${noun}'s own pack and may be asked as a question of the day here.`);
    const pack = content.byPacks([TEAM_PACK], place.scopeId);
    const mix = rules.packProblems(pack).map((m) => `\nFor ${cmd(place.platform, 'export pack')}: ${m} content:check asks a pack of 6 or more to mix them; approve with a difficulty to even it out (${cmd(place.platform, 'approve <number> easy|medium|hard')}).`);
    const name = store.channels.getUser(approved.userId)?.name ?? approved.userId;
    return text(
      `Suggestion #${id} approved as ${questionId} (${approved.difficulty}): this ${noun}'s own pack ("${TEAM_PACK}") now has ${plural(pack.length, 'question')}. Channels that ask every pack include it from their next post; a channel with chosen packs needs ${cmd(place.platform, `settings packs <its packs>,${TEAM_PACK}`)}. ${name} was told privately.${mix.join('')}`,
      'private',
      'success',
    );
  }

  /** An admin rejects a suggestion, with a reason the member reads. */
  async reject(actor: Actor, place: Place, id: number, rawReason: string): Promise<Reply> {
    const { store, clock } = this.d;
    const s = this.findHere(place, id);
    if (typeof s === 'string') return error(s);
    if (s.status !== 'pending') return text(this.decided(s));
    const reason = rawReason.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON) || null;
    const rejected = store.suggestions.rejectSuggestion(id, { by: actor.id, at: clock.now(), reason });
    if (!rejected) return text(this.decided(store.suggestions.getSuggestion(id) ?? s));
    recordAction(this.d, actor, place, 'reject', `suggestion #${id}${reason ? `: ${reason}` : ''}`);
    await this.tell(rejected, `Your suggested question "${quote(rejected.prompt, 200)}" was not added to the pack.${reason ? ` The admin's reason: ${endSentence(reason)}` : ''} You can suggest it again, changed, with ${cmd(place.platform, 'suggest')}.`);
    const name = store.channels.getUser(rejected.userId)?.name ?? rejected.userId;
    return text(`Suggestion #${id} rejected${reason ? ' with your reason' : ''}; ${name} was told privately.`, 'private', 'success');
  }

  private findHere(place: Place, id: number): Suggestion | string {
    const s = this.d.store.suggestions.getSuggestion(id);
    if (s && s.scopeId === place.scopeId) return s;
    return `Suggestion #${id} was not found in this ${scopeNoun(place.platform)}. ${cmd(place.platform, 'suggestions')} lists the waiting ones.`;
  }

  private decided(s: Suggestion): string {
    return s.status === 'approved' ? `Suggestion #${s.id} was already approved (as ${s.questionId}).` : `Suggestion #${s.id} was already rejected.`;
  }

  /** Tells the suggester privately (a DM where the platform has them); a failure is logged, not the admin's problem. */
  private async tell(s: Suggestion, message: string): Promise<void> {
    try {
      await this.d.chat.send({ channelId: s.channelId, userId: s.userId, dm: true }, text(message));
    } catch (err) {
      this.d.logger.warn({ err, suggestionId: s.id }, 'could not tell the member about their suggestion');
    }
  }
}

function draftForStore(d: ReturnType<typeof draftOf>) {
  return { prompt: d.prompt, reference: d.reference, keyPoints: d.keyPoints, topic: d.topic, difficulty: d.difficulty as Difficulty, hint: d.hint };
}

