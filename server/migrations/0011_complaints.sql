-- 投诉建议 (第十九条): complaints and suggestions with their handling steps, their photos, and the
-- tries counted for their rate limits (anonymous submissions, photo uploads, query-code lookups).
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

-- A complaint or suggestion. citizen_id is the account that sent it (also when it was sent
-- anonymously: staff never see it then); contact_* only for real-name ones. The query code is
-- stored as a hash. Hall, window and item are kept as given (published data may be re-seeded).
-- Text is plain text, stored exactly as sent.
CREATE TABLE complaints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tracking_number text NOT NULL UNIQUE,
  query_code_hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('complaint', 'suggestion')),
  category text NOT NULL CHECK (category IN ('service_attitude', 'efficiency', 'discipline', 'extra_requirements', 'facilities', 'guide_error', 'other')),
  citizen_id uuid REFERENCES citizens (id) ON DELETE SET NULL,
  anonymous boolean NOT NULL,
  contact_name text,
  contact_phone text,
  hall_id text,
  window_id text,
  staff_name text,
  item_code text,
  case_number text,
  booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
  department_id text,
  description text NOT NULL CHECK (char_length(description) BETWEEN 10 AND 2000),
  occurred_at timestamptz,
  status text NOT NULL CHECK (status IN ('received', 'assigned', 'handling', 'answered', 'closed', 'reopened')),
  handler_id uuid REFERENCES staff_accounts (id),
  submitted_at timestamptz NOT NULL,
  acknowledge_by date NOT NULL,
  answer_by date NOT NULL,
  acknowledged_at timestamptz,
  answer text,
  answered_at timestamptz,
  satisfied boolean,
  rating_comment text CHECK (rating_comment IS NULL OR char_length(rating_comment) <= 500),
  rated_at timestamptz,
  reopened_at timestamptz,
  closed_at timestamptz,
  CHECK (anonymous = (contact_name IS NULL)),
  CHECK ((contact_name IS NULL) = (contact_phone IS NULL))
);

CREATE INDEX complaints_citizen_idx ON complaints (citizen_id, submitted_at DESC);

CREATE INDEX complaints_queue_idx ON complaints (status, answer_by);

CREATE INDEX complaints_hall_idx ON complaints (hall_id);

CREATE INDEX complaints_department_idx ON complaints (department_id);

CREATE INDEX complaints_handler_idx ON complaints (handler_id);

-- Each step: the new status, who acted (the citizen, a staff member, or the system) and a note
-- (the answer for `answered`, the rating comment for a reopening).
CREATE TABLE complaint_events (
  id bigserial PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  status text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'staff')),
  staff_id uuid REFERENCES staff_accounts (id),
  staff_name text,
  note text,
  at timestamptz NOT NULL
);

CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, at);

-- A photo: uploaded by a citizen (citizen_id) or without a session (null), attached to one
-- complaint at most; unattached ones expire. The bytes are in the file storage by sha256.
CREATE TABLE complaint_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid REFERENCES citizens (id) ON DELETE CASCADE,
  complaint_id uuid REFERENCES complaints (id) ON DELETE CASCADE,
  sort_order integer,
  sha256 text NOT NULL,
  media_type text NOT NULL,
  bytes integer NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX complaint_photos_complaint_idx ON complaint_photos (complaint_id, sort_order);

-- Tries counted for the limits: `submission` (without a session), `photo`, `lookup` (with the
-- tracking number as typed and whether the code matched). A hash of the client address, never
-- the address; rows older than a day are deleted by the limits themselves.
CREATE TABLE complaint_attempts (
  id bigserial PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('submission', 'photo', 'lookup')),
  address_hash text NOT NULL,
  tracking_number text,
  matched boolean,
  at timestamptz NOT NULL
);

CREATE INDEX complaint_attempts_address_idx ON complaint_attempts (purpose, address_hash, at);

CREATE INDEX complaint_attempts_tracking_idx ON complaint_attempts (tracking_number, at) WHERE matched = false;

CREATE INDEX complaint_attempts_at_idx ON complaint_attempts (at);
