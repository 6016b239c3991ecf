-- The service catalogue and its guides (第四条–第八条): departments, themes, items, and every
-- version of every guide. One statement per `;`-terminated line end: PGlite runs one per query.

CREATE TABLE departments (
  id text PRIMARY KEY,
  name text NOT NULL,
  short_name text NOT NULL,
  sort_order integer NOT NULL
);

CREATE TABLE themes (
  id text PRIMARY KEY,
  name text NOT NULL,
  audience text NOT NULL CHECK (audience IN ('individual', 'legal_person')),
  sort_order integer NOT NULL
);

-- The catalogue change counter behind the sync feed's cursor. One row, incremented under its row
-- lock by every publish and withdrawal, so changes commit in counter order and a reader that has
-- seen value N has seen every change up to N (a plain sequence can commit out of order).
CREATE TABLE catalogue_sequence (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_value bigint NOT NULL
);

INSERT INTO catalogue_sequence (id, last_value) VALUES (true, 0);

-- An item of the catalogue. The entry columns (name … search_text) copy the current published
-- guide so the index and its filters need no jsonb reads; status 'draft' means never published.
CREATE TABLE service_items (
  code text PRIMARY KEY,
  basic_code text NOT NULL,
  implementation_code text,
  department_id text NOT NULL REFERENCES departments (id),
  popularity integer NOT NULL CHECK (popularity >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
  current_version integer,
  name text NOT NULL,
  audiences jsonb NOT NULL DEFAULT '[]',
  theme_ids jsonb NOT NULL DEFAULT '[]',
  keywords jsonb NOT NULL DEFAULT '[]',
  case_type text,
  visits_required integer,
  search_pinyin jsonb NOT NULL DEFAULT '[]',
  search_initials jsonb NOT NULL DEFAULT '[]',
  search_text text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  change_seq bigint NOT NULL DEFAULT 0
);

CREATE INDEX service_items_change_seq_idx ON service_items (change_seq);

CREATE INDEX service_items_popularity_idx ON service_items (popularity, code);

-- Every version of a guide (第八条). At most one draft per item: a guide that failed the
-- publishing rules, kept with its problems beside the published version, which it never touches.
CREATE TABLE guide_versions (
  item_code text NOT NULL REFERENCES service_items (code) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
  content jsonb NOT NULL,
  content_hash text NOT NULL,
  effective_date date NOT NULL,
  change_note text,
  published_at timestamptz,
  problems jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_code, version)
);

CREATE UNIQUE INDEX guide_versions_one_draft_idx ON guide_versions (item_code) WHERE status = 'draft';

CREATE UNIQUE INDEX guide_versions_one_published_idx ON guide_versions (item_code) WHERE status = 'published';
