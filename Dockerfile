# prepbot image: Node 20, compiled JavaScript and production dependencies only, run as the
# unprivileged "node" user with `node dist/main.js` (not npm start, which does not forward SIGTERM).
#
#   docker build -t prepbot .
#   docker run -d --name prepbot --env-file prepbot.env -v prepbot-data:/data -p 3000:3000 prepbot
#   docker run --rm prepbot --help                      (arguments go to prepbot: ENTRYPOINT, not CMD)
#   docker run -it --rm -v prepbot-data:/data prepbot   (no token: the console, which needs -it)

# --- build: compile TypeScript to dist/, then drop the development dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; these build it from source where none exists.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev && npm cache clean --force

# --- runtime ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/prepbot.sqlite \
    CONTENT_DIR=/app/content \
    PORT=3000
WORKDIR /app
# The digest's chart writes its title, axes and legend in DejaVu; the slim image has no fonts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The store finds migrations/ beside dist/ (dist/storage/../../migrations).
COPY migrations ./migrations
COPY content ./content
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
STOPSIGNAL SIGTERM
# GET /healthz answers whenever a platform adapter runs; console mode (no token, -it) serves no HTTP.
# Without a token and without -it, prepbot exits 1 naming the token variables (no silent restart loop).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "if (!process.env.DISCORD_TOKEN && !process.env.SLACK_BOT_TOKEN) process.exit(0); fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Arguments given to `docker run prepbot ...` are appended (`--help`, `--version`).
ENTRYPOINT ["node", "dist/main.js"]
CMD []
