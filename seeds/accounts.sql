-- Password accounts for every demo person (not the bot's machine user, which signs in with its token).
-- Demo password for all of them: demo-password-2026
-- The hash is Argon2id (a PHC string with its own salt and parameters), made once with
--   echo -n 'demo-password-2026' | npx tsx src/auth/hash-password.ts
-- so the literal is fixed. Insert if absent: a re-run keeps a password, failure count or lock changed
-- at run time, and the account admin.sql made for an ADMIN_USER_EMAIL administrator.

insert into auth.accounts (id, user_id, provider, password_hash, failed_login_attempts, locked_until, last_login_at, created_at)
select a.id::uuid, a.user_id::uuid, 'password',
  '$argon2id$v=19$m=19456,t=2,p=1$Ysv3/x0H+apBp8tgZJZyOg$HfWWg6kLefz2r7dET6nTtqE+SsPx0BJPs5InzF1JRvU',
  0, null, null, timestamptz '2026-01-02T10:00:00Z'
from (values
  ('11000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001'),
  ('11000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002'),
  ('11000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000003'),
  ('11000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000004'),
  ('11000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000005'),
  ('11000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000006'),
  ('11000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000007'),
  ('11000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000008'),
  ('11000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000009')
) as a(id, user_id)
on conflict (user_id, provider) do nothing;
