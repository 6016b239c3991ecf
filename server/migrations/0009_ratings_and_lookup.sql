-- 好差评: citizens' ratings of a completed case or of a visit to a hall, the follow-up tasks
-- (回访整改) that ratings of 不满意 or worse open for supervisors, and the tries of the public case
-- lookup (办件查询), counted for its rate limits.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

-- A rating: of a case (each case once, by its applicant) or of a hall visit (one per citizen,
-- hall and day). The comment is plain text, stored exactly as sent.
CREATE TABLE ratings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  case_id uuid UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
  hall_id text REFERENCES halls (id),
  visit_date date,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment text CHECK (comment IS NULL OR char_length(comment) <= 500),
  rated_at timestamptz NOT NULL,
  CHECK ((case_id IS NOT NULL AND hall_id IS NULL AND visit_date IS NULL) OR (case_id IS NULL AND hall_id IS NOT NULL AND visit_date IS NOT NULL))
);

CREATE UNIQUE INDEX ratings_hall_visit_idx ON ratings (citizen_id, hall_id, visit_date) WHERE hall_id IS NOT NULL;

CREATE INDEX ratings_citizen_idx ON ratings (citizen_id, rated_at DESC);

-- A follow-up task of a low rating, for the supervisors of the case's department or of the hall.
-- Closed when a supervisor (or administrator) records what was done.
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rating_id uuid NOT NULL UNIQUE REFERENCES ratings (id) ON DELETE CASCADE,
  department_id text REFERENCES departments (id),
  hall_id text REFERENCES halls (id),
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at timestamptz NOT NULL,
  outcome text,
  closed_at timestamptz,
  closed_by uuid REFERENCES staff_accounts (id),
  closed_by_name text,
  CHECK ((department_id IS NULL) <> (hall_id IS NULL)),
  CHECK ((status = 'open' AND outcome IS NULL AND closed_at IS NULL) OR (status = 'closed' AND outcome IS NOT NULL AND closed_at IS NOT NULL))
);

CREATE INDEX follow_ups_department_idx ON follow_ups (department_id, status, opened_at);

CREATE INDEX follow_ups_hall_idx ON follow_ups (hall_id, status, opened_at);

-- Each try of the public case lookup: from which client (a hash of its address, not the address),
-- for which case number (as typed, found or not) and whether it matched. Rows older than a day
-- are deleted by the lookup itself.
CREATE TABLE case_lookup_attempts (
  id bigserial PRIMARY KEY,
  address_hash text NOT NULL,
  case_number text NOT NULL,
  matched boolean NOT NULL,
  at timestamptz NOT NULL
);

CREATE INDEX case_lookup_attempts_address_idx ON case_lookup_attempts (address_hash, at);

CREATE INDEX case_lookup_attempts_failures_idx ON case_lookup_attempts (case_number, at) WHERE NOT matched;

CREATE INDEX case_lookup_attempts_at_idx ON case_lookup_attempts (at);
