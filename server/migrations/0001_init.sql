-- Halls and windows (第九条–第十一条), citizens' inaccuracy reports (信息纠错), and the shared
-- infrastructure later writes reuse: idempotency keys and per-day reference sequences.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

CREATE TABLE halls (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('district_centre', 'street_station')),
  sort_order integer NOT NULL,
  address text NOT NULL,
  map_url text,
  phones jsonb NOT NULL DEFAULT '[]',
  opening_hours jsonb NOT NULL,
  zones jsonb NOT NULL DEFAULT '[]',
  accessibility jsonb NOT NULL DEFAULT '[]',
  verification text NOT NULL CHECK (verification IN ('confirmed', 'unconfirmed')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hall_windows (
  id text PRIMARY KEY,
  hall_id text NOT NULL REFERENCES halls (id) ON DELETE CASCADE,
  number text NOT NULL,
  name text NOT NULL,
  handles jsonb NOT NULL DEFAULT '[]',
  sort_order integer NOT NULL,
  UNIQUE (hall_id, number)
);

CREATE INDEX hall_windows_hall_id_idx ON hall_windows (hall_id, sort_order);

CREATE TABLE window_staff (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  window_id text NOT NULL REFERENCES hall_windows (id) ON DELETE CASCADE,
  name text NOT NULL,
  duties text NOT NULL,
  contact text,
  sort_order integer NOT NULL
);

CREATE INDEX window_staff_window_id_idx ON window_staff (window_id, sort_order);

-- A counter per series and local (Asia/Shanghai) day, so references such as JC20261125-0001 are
-- short, readable and never handed out twice, even under concurrent writes.
CREATE TABLE daily_sequences (
  series text NOT NULL,
  day date NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (series, day)
);

CREATE TABLE inaccuracy_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  hall_id text NOT NULL REFERENCES halls (id),
  topic text NOT NULL CHECK (topic IN ('address', 'opening_hours', 'phone', 'window', 'staff', 'accessibility', 'other')),
  description text NOT NULL,
  contact text,
  received_at timestamptz NOT NULL
);

CREATE INDEX inaccuracy_reports_hall_id_idx ON inaccuracy_reports (hall_id, received_at);

-- The first answer to every write made with an Idempotency-Key, replayed for retries. The
-- response columns are filled in the same transaction as the insert, so a committed row always
-- has them.
CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  operation text NOT NULL,
  fingerprint text NOT NULL,
  status_code integer,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
