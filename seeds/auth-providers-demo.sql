-- An example OpenID Connect provider (demo data), disabled: an administrator sets its client id
-- and secret (updateAuthProvider) for a real issuer, then enables it. Inserted only if absent.
insert into auth.auth_providers (key, kind, name, is_enabled, sort_order, issuer_url, client_id, scopes, created_at, updated_at) values
  ('example-oidc', 'oidc', '{"en": "Example SSO", "hu": "Példa SSO", "de": "Beispiel-SSO"}', false, 10,
   'https://sso.example.com', 'workspace-gateway-demo', '{openid,email,profile}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
on conflict (key) do nothing;
