-- Demo data, insert if absent (DO NOTHING on the key): a re-run keeps whatever changed at run time.
-- File metadata only (no bytes): one per scope, two attached to messages. Ids are
-- 70000000-0000-4000-8000-0000000000NN; storage_key is unique.

insert into platform.files (id, owner_id, organization_id, channel_id, message_id, scope, file_name, mime_type, size_bytes, storage_key, status, created_at, updated_at) values
  ('70000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', null, null, null,
   'user', 'alice.png', 'image/png', 48213, 'users/10000000-0000-4000-8000-000000000002/alice.png', 'ready',
   '2026-01-02T08:15:00Z', '2026-01-02T08:15:00Z'),
  ('70000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', null, null,
   'organization', 'employee-handbook.pdf', 'application/pdf', 1048576, 'orgs/20000000-0000-4000-8000-000000000001/employee-handbook.pdf', 'ready',
   '2026-01-03T09:05:00Z', '2026-01-03T09:05:00Z'),
  ('70000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001',
   '30000000-0000-4000-8000-000000000003', '40000000-0000-4000-8000-000000000033',
   'organization', 'logo-v2.svg', 'image/svg+xml', 18422, 'orgs/20000000-0000-4000-8000-000000000001/design/logo-v2.svg', 'ready',
   '2026-01-06T09:59:00Z', '2026-01-06T09:59:00Z'),
  ('70000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001',
   '30000000-0000-4000-8000-000000000004', '40000000-0000-4000-8000-000000000043',
   'user', 'contract-draft.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 35840,
   'users/10000000-0000-4000-8000-000000000004/contract-draft.docx', 'ready',
   '2026-01-06T10:59:00Z', '2026-01-06T10:59:00Z'),
  ('70000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000002',
   '30000000-0000-4000-8000-000000000012', null,
   'organization', 'koltsegvetes-2026.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 73216,
   'orgs/20000000-0000-4000-8000-000000000002/penzugy/koltsegvetes-2026.xlsx', 'ready',
   '2026-01-07T09:58:00Z', '2026-01-07T09:58:00Z'),
  ('70000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000003', null, null, null,
   'shared', 'release-notes-draft.md', 'text/markdown', 2048, 'shared/release-notes-draft.md', 'pending',
   '2026-01-05T10:40:00Z', '2026-01-05T10:40:00Z')
on conflict (id) do nothing;
