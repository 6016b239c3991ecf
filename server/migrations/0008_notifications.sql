-- Notifications (消息): what the citizen is told when their case moves (a new status, a correction
-- request, the result ready to collect, a follow-up's outcome), read in the app's notification
-- centre, and the Web Push subscriptions of the browsers that asked to be told at once.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

-- A notification is stored in the same transaction as the change it tells about, so a case never
-- moves without its notification. push_pending: still to be offered to the citizen's push
-- subscriptions (after commit; a failed push never undoes the notification).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,39}$'),
  case_number text CHECK (case_number ~ '^KDL-[0-9]{8}-[0-9]{4,6}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  body text NOT NULL CHECK (length(body) <= 1000),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  push_pending boolean NOT NULL DEFAULT true
);

CREATE INDEX notifications_citizen_idx ON notifications (citizen_id, created_at DESC, id DESC);

CREATE INDEX notifications_unread_idx ON notifications (citizen_id) WHERE read_at IS NULL;

CREATE INDEX notifications_push_pending_idx ON notifications (created_at) WHERE push_pending;

-- A browser's Web Push subscription (endpoint and its keys, as PushSubscription.toJSON() gives
-- them). An endpoint belongs to one citizen at a time: subscribing again moves it. A push service
-- answering 404 or 410 means the subscription is gone: the row is deleted.
CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  endpoint text NOT NULL UNIQUE,
  keys jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_failure_at timestamptz,
  last_failure text,
  failure_count integer NOT NULL DEFAULT 0
);

CREATE INDEX push_subscriptions_citizen_idx ON push_subscriptions (citizen_id);
