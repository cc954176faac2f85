# prepbot image: Node 20, production dependencies only, runs as the unprivileged "node" user.
# The bot runs its TypeScript through tsx (a production dependency), started with `node` directly
# so SIGTERM reaches it (npm start does not forward signals reliably).
#
#   docker build -t prepbot .
#   docker run -d --name prepbot --env-file prepbot.env -v prepbot-data:/data -p 3000:3000 prepbot

# --- dependencies: compiled here so the runtime image carries no build tools ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; these build it from source where none exists.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/prepbot.sqlite \
    CONTENT_DIR=/app/content \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY migrations ./migrations
COPY content ./content
COPY src ./src
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
STOPSIGNAL SIGTERM
# GET /healthz answers whenever a platform adapter runs; console mode (no token) serves no HTTP.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "if (!process.env.DISCORD_TOKEN && !process.env.SLACK_BOT_TOKEN) process.exit(0); fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
