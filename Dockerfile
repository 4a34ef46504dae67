# The gateway image: TypeScript compiled in a build stage; the runtime runs `node dist/main.js`
# with production dependencies only (no TypeScript, no tsx), as the non-root user `node`.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json main.ts ./
COPY src ./src
COPY scripts ./scripts
COPY seeds ./seeds
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
# Production mode: no GraphiQL, introspection only for api.introspect, base data only (README, Production).
# Without DATABASE_URL the embedded database lives in the volume /data; uploaded files (FILES_STORAGE=local) in /files.
ENV NODE_ENV=production PGLITE_DATA_DIR=/data FILES_DIR=/files
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# What runs: the compiled code; what it reads at run time: migrations and seed SQL (found from package.json's folder).
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
COPY seeds/*.sql ./seeds/
COPY seeds/procedures/*.sql ./seeds/procedures/
RUN mkdir /data && chown node:node /data
RUN mkdir /files && chown node:node /files
VOLUME /data
VOLUME /files
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/scripts/healthcheck.js"]
CMD ["node", "dist/main.js"]
