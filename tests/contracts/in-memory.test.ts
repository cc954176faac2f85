/** The contracts of the ports that have an in-memory twin, run against the twin. */
import { MemoryAdmins } from '../fakes/memory-admins.js';
import { MemoryChannels } from '../fakes/memory-channels.js';
import { adminStoreContract } from './admin-store.contract.js';
import { channelStoreContract } from './channel-store.contract.js';

channelStoreContract('in memory', () => new MemoryChannels());
adminStoreContract('in memory', () => new MemoryAdmins());
