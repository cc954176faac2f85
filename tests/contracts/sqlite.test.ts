/** Every store port's contract, run against the SQLite store on a fresh in-memory database. */
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { adminStoreContract } from './admin-store.contract.js';
import { answerStoreContract } from './answer-store.contract.js';
import { channelStoreContract } from './channel-store.contract.js';
import { deliveryStoreContract } from './delivery-store.contract.js';
import { digestStoreContract } from './digest-store.contract.js';
import { disputeStoreContract } from './dispute-store.contract.js';
import { figureStoreContract } from './figure-store.contract.js';
import { followUpStoreContract } from './follow-up-store.contract.js';
import { insightStoreContract } from './insight-store.contract.js';
import { interviewStoreContract } from './interview-store.contract.js';
import { installStoreContract } from './install-store.contract.js';
import { postStoreContract } from './post-store.contract.js';
import { practiceStoreContract } from './practice-store.contract.js';
import { recordStoreContract } from './record-store.contract.js';
import { roundStoreContract } from './round-store.contract.js';
import { seedPlace } from './fixtures.js';
import { suggestionStoreContract } from './suggestion-store.contract.js';

const sqlite = () => SqliteStore.open(':memory:');

channelStoreContract('SQLite', () => sqlite().channels);
adminStoreContract('SQLite', () => sqlite().admins);
roundStoreContract('SQLite', sqlite);
answerStoreContract('SQLite', sqlite);
figureStoreContract('SQLite', sqlite);
practiceStoreContract('SQLite', sqlite);
disputeStoreContract('SQLite', sqlite);
recordStoreContract('SQLite', sqlite);
postStoreContract('SQLite', () => sqlite().posts);
deliveryStoreContract('SQLite', () => sqlite().deliveries);
followUpStoreContract('SQLite', sqlite);
interviewStoreContract('SQLite', sqlite);
insightStoreContract('SQLite', sqlite);
digestStoreContract('SQLite', sqlite);
suggestionStoreContract('SQLite', () => {
  const store = sqlite();
  return { suggestions: store.suggestions, seed: () => seedPlace(store) };
});
installStoreContract('SQLite', () => sqlite().installs);
