/**
 * One ChatPort over several adapters: a target goes to the adapter of its channel's platform
 * (the prefix of `discord:...`, `slack:...`, `console:...`).
 */
export class ChatRouter {
    byPlatform = new Map();
    register(platform, port) {
        this.byPlatform.set(platform, port);
    }
    route(target) {
        const platform = target.channelId.split(':', 1)[0];
        const port = this.byPlatform.get(platform);
        if (!port)
            throw new Error(`no adapter runs for ${platform} (channel ${target.channelId})`);
        return port;
    }
    send(target, reply) {
        return this.route(target).send(target, reply);
    }
    edit(target, ref, reply) {
        return this.route(target).edit(target, ref, reply);
    }
    /** Forwards to the channel's adapter; an adapter that cannot tell reports nothing missing. */
    async checkPermissions(channelId) {
        const port = this.route({ channelId });
        return port.checkPermissions ? port.checkPermissions(channelId) : [];
    }
}
