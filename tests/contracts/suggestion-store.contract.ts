import { describe, expect, it } from 'vitest';
import type { NewSuggestion, SuggestionStore } from '../../src/core/stores/suggestion-store.js';
import { emptyFields } from '../../src/core/team/form.js';
import { PLACE } from './fixtures.js';

type Fixture = { suggestions: SuggestionStore; seed?: () => void };

const suggestion = (over: Partial<NewSuggestion> = {}): NewSuggestion => ({
  scopeId: PLACE.scopeId,
  channelId: PLACE.channelId,
  userId: 'discord:u1',
  prompt: 'What is a covering index?',
  reference: 'An index holding every column a query reads.',
  keyPoints: ['a', 'b', 'c', 'd'],
  topic: 'databases',
  difficulty: 'medium',
  hint: null,
  createdAt: 1_000,
  ...over,
});

/** What every SuggestionStore does: one decision per suggestion, packs kept per scope, drafts per member. */
export function suggestionStoreContract(name: string, make: () => Fixture): void {
  describe(`SuggestionStore: ${name}`, () => {
    it('decides a suggestion once: approved into its scope’s pack in approval order, or rejected with a reason', () => {
      const { suggestions: s, seed } = make();
      seed?.();
      const a = s.addSuggestion(suggestion());
      const b = s.addSuggestion(suggestion({ prompt: 'B?', userId: 'discord:u2', createdAt: 2_000 }));
      const c = s.addSuggestion(suggestion({ prompt: 'C?', createdAt: 3_000 }));
      const other = s.addSuggestion(suggestion({ scopeId: 'discord:g2', channelId: 'discord:g2:c9', prompt: 'Elsewhere?' }));
      expect(a).toMatchObject({ status: 'pending', keyPoints: ['a', 'b', 'c', 'd'], hint: null, questionId: null, decidedBy: null });
      expect(s.pendingSuggestions(PLACE.scopeId).map((x) => x.id)).toEqual([a.id, b.id, c.id]);

      expect(s.approveSuggestion(c.id, { questionId: 'team-c', difficulty: 'hard', by: 'discord:admin', at: 10 })).toMatchObject({ status: 'approved', questionId: 'team-c', difficulty: 'hard', decidedAt: 10 });
      expect(s.approveSuggestion(a.id, { questionId: 'team-a', difficulty: 'medium', by: 'discord:admin', at: 20 })?.status).toBe('approved');
      expect(s.approveSuggestion(a.id, { questionId: 'team-a2', difficulty: 'medium', by: 'discord:admin', at: 30 })).toBeNull();
      expect(s.approveSuggestion(b.id, { questionId: 'team-a', difficulty: 'medium', by: 'discord:admin', at: 30 })).toBeNull();
      expect(s.rejectSuggestion(a.id, { by: 'discord:admin', at: 40, reason: null })).toBeNull();
      expect(s.rejectSuggestion(b.id, { by: 'discord:admin', at: 40, reason: 'Too broad.' })).toMatchObject({ status: 'rejected', reason: 'Too broad.', questionId: null });
      expect(s.approveSuggestion(b.id, { questionId: 'team-b', difficulty: 'medium', by: 'discord:admin', at: 50 })).toBeNull();

      expect(s.teamQuestions(PLACE.scopeId).map((x) => x.questionId)).toEqual(['team-c', 'team-a']);
      expect(s.teamQuestions('discord:g2')).toEqual([]);
      expect(s.pendingSuggestions('discord:g2').map((x) => x.id)).toEqual([other.id]);
      expect(s.teamQuestion('team-a')?.id).toBe(a.id);
      expect(s.teamQuestion('team-b')).toBeNull();
      expect(s.getSuggestion(999)).toBeNull();
    });

    it('keeps one draft per member and scope, cleared when the member’s suggestion is stored', () => {
      const { suggestions: s, seed } = make();
      seed?.();
      const draft = { ...emptyFields(), question: 'Half a question', keyPoints: 'one\ntwo' };
      s.saveDraft(PLACE.scopeId, 'discord:u1', draft, 1);
      s.saveDraft(PLACE.scopeId, 'discord:u1', { ...draft, hint: 'newer' }, 2);
      s.saveDraft('discord:g2', 'discord:u1', { ...draft, question: 'other scope' }, 3);
      expect(s.draft(PLACE.scopeId, 'discord:u1')).toEqual({ ...draft, hint: 'newer' });
      expect(s.draft(PLACE.scopeId, 'discord:u2')).toBeNull();
      s.addSuggestion(suggestion());
      expect(s.draft(PLACE.scopeId, 'discord:u1')).toBeNull();
      expect(s.draft('discord:g2', 'discord:u1')?.question).toBe('other scope');
      s.clearDraft('discord:g2', 'discord:u1');
      expect(s.draft('discord:g2', 'discord:u1')).toBeNull();
    });
  });
}
