import type { AdminStore } from './admin-store.js';
import type { AnswerStore } from './answer-store.js';
import type { ChannelStore } from './channel-store.js';
import type { DeliveryStore } from './delivery-store.js';
import type { DigestStore } from './digest-store.js';
import type { DisputeStore } from './dispute-store.js';
import type { FigureStore } from './figure-store.js';
import type { FollowUpStore } from './follow-up-store.js';
import type { InsightStore } from './insight-store.js';
import type { InterviewStore } from './interview-store.js';
import type { PostStore } from './post-store.js';
import type { PracticeStore } from './practice-store.js';
import type { RecordStore } from './record-store.js';
import type { RoundStore } from './round-store.js';
import type { SuggestionStore } from './suggestion-store.js';

/**
 * Persistence, one port per concept. Every method is atomic; methods that decide something under
 * contention (claimRound, insertAnswer, claimNextJob, completeJob, closeRound, beginPostAttempt,
 * claimDelivery) decide it inside the store's transaction so two processes on one database cannot
 * both win. A part of the core names the ports it uses (`Pick<Stores, 'rounds' | 'answers'>`), so
 * what it may touch is in its signature.
 */
export interface Stores {
  channels: ChannelStore;
  rounds: RoundStore;
  answers: AnswerStore;
  figures: FigureStore;
  practice: PracticeStore;
  admins: AdminStore;
  disputes: DisputeStore;
  records: RecordStore;
  posts: PostStore;
  deliveries: DeliveryStore;
  followUps: FollowUpStore;
  interviews: InterviewStore;
  insights: InsightStore;
  digests: DigestStore;
  suggestions: SuggestionStore;
}
