/** The contracts of the ports that have an in-memory twin, run against the twin. */
import { MemoryAdmins } from '../fakes/memory-admins.js';
import { MemoryChannels } from '../fakes/memory-channels.js';
import { MemoryDeliveries } from '../fakes/memory-deliveries.js';
import { MemoryInstalls } from '../fakes/memory-installs.js';
import { MemoryPosts } from '../fakes/memory-posts.js';
import { MemorySuggestions } from '../fakes/memory-suggestions.js';
import { adminStoreContract } from './admin-store.contract.js';
import { channelStoreContract } from './channel-store.contract.js';
import { deliveryStoreContract } from './delivery-store.contract.js';
import { installStoreContract } from './install-store.contract.js';
import { postStoreContract } from './post-store.contract.js';
import { suggestionStoreContract } from './suggestion-store.contract.js';

channelStoreContract('in memory', () => new MemoryChannels());
adminStoreContract('in memory', () => new MemoryAdmins());
postStoreContract('in memory', () => new MemoryPosts());
deliveryStoreContract('in memory', () => new MemoryDeliveries());
suggestionStoreContract('in memory', () => ({ suggestions: new MemorySuggestions() }));
installStoreContract('in memory', () => new MemoryInstalls());
