-- A few system log entries (demo data): what the gateway writes on a lockout and on revocations.
-- The log is append-only, so existing rows are never updated: DO NOTHING. Ids are 81000000-0000-4000-8000-0000000000NN.
insert into platform.system_logs (id, level, source, message, context, created_at) values
  ('81000000-0000-4000-8000-000000000001', 'warn', 'auth', 'Account locked for 15 minutes after 5 failed password checks in a row',
   '{"event": "account.locked", "userId": "10000000-0000-4000-8000-000000000005", "via": "signIn", "ip": "192.0.2.50", "lockedUntil": "2026-01-05T08:15:00.000Z"}',
   '2026-01-05T08:00:00Z'),
  ('81000000-0000-4000-8000-000000000002', 'info', 'sessions', 'Every session of the user revoked (sign out everywhere)',
   '{"event": "sessions.revoked", "userId": "10000000-0000-4000-8000-000000000004", "sessionId": "00000000-0000-4000-8000-000000000000", "revokedSessionCount": 2}',
   '2026-01-05T09:00:00Z'),
  ('81000000-0000-4000-8000-000000000003', 'info', 'bots', 'Bot token rotated: the old one revoked',
   '{"event": "bot.tokenRotated", "botId": "50000000-0000-4000-8000-000000000001", "botUserId": "10000000-0000-4000-8000-000000000020", "actorId": "10000000-0000-4000-8000-000000000002"}',
   '2026-01-05T10:00:00Z')
on conflict (id) do nothing;
