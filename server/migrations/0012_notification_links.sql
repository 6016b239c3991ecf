-- Where a notification leads: the app path the notification centre and a Web Push open when the
-- citizen taps it — a case, a booking, a home-service request, a complaint. Notifications about a
-- case stored before this lead to the case.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

ALTER TABLE notifications ADD COLUMN link text CHECK (link IS NULL OR link ~ '^/[^/]');

UPDATE notifications SET link = '/me/cases/' || case_number WHERE case_number IS NOT NULL;
