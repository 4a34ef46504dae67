/** Vocabularies of the large data set (a few non-ASCII names on purpose). */

export const FIRST_NAMES = [
  'Ada', 'Béla', 'Chen', 'Dóra', 'Emil', 'Fatima', 'Gábor', 'Hiro', 'Ilona', 'Jonas', 'Kata', 'Liam', 'Mia', 'Noah',
  'Olga', 'Péter', 'Quinn', 'Réka', 'Sara', 'Tamás', 'Uma', 'Viktor', 'Wen', 'Xavier', 'Yara', 'Zoltán', 'Anna', 'Ben',
  'Clara', 'David', 'Eszter', 'Felix', 'Greta', 'Hanna', 'Ivan', 'Jana', 'Karl', 'Lena', 'Márton', 'Nina',
] as const;

export const LAST_NAMES = [
  'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Smith', 'Johnson',
  'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'García', 'Martínez', 'Rossi', 'Russo',
  'Dubois', 'Moreau', 'Novak', 'Kowalski', 'Tanaka', 'Sato', 'Kim', 'Lee', 'Wang', 'Li', 'Singh', 'Khan',
] as const;

export const LOCALES = ['en', 'en', 'en', 'hu', 'de', null] as const;

export const TIMEZONES = ['Europe/Budapest', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'UTC'] as const;

export const COMPANY_WORDS = [
  'Acme', 'Blue', 'Cedar', 'Delta', 'Echo', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Maple',
  'Nimbus', 'Orbit', 'Pine', 'Quartz', 'River', 'Summit', 'Tidal', 'Umbra', 'Vertex', 'Willow', 'Zenith', 'Labs', 'Works',
] as const;

export const CHANNEL_TOPICS = [
  'random', 'announcements', 'engineering', 'design', 'marketing', 'sales', 'support', 'product', 'ops', 'hiring',
  'finance', 'legal', 'security', 'frontend', 'backend', 'mobile', 'data', 'releases', 'incidents', 'watercooler',
  'feedback', 'docs', 'qa', 'infra', 'growth', 'partners', 'events', 'research', 'offtopic', 'kudos',
] as const;

export const WORDS = [
  'the', 'a', 'we', 'should', 'deploy', 'review', 'the', 'build', 'is', 'green', 'again', 'after', 'lunch', 'meeting',
  'ticket', 'customer', 'asked', 'about', 'pricing', 'release', 'notes', 'ready', 'for', 'tomorrow', 'please', 'check',
  'my', 'pull', 'request', 'thanks', 'looks', 'good', 'to', 'me', 'database', 'migration', 'ran', 'fine', 'on', 'staging',
  'who', 'owns', 'this', 'dashboard', 'latency', 'went', 'up', 'rollback', 'done', 'coffee', 'anyone', 'szia', 'köszi',
  'danke', 'schön', 'ok', 'sure', 'later', 'today', 'friday',
] as const;

export const EMOJI = ['👍', '🎉', '❤️', '😂', '👀', '🚀', '✅', '🙏'] as const;
