-- One-form applications (一表申请): materials uploaded by citizens, and the cases (办件) that a
-- submission creates, with the form, materials and guide version they were made against and the
-- first step of their timeline.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

-- A file a citizen uploaded for a material. The bytes live in file storage under sha256 (shared
-- by identical files); the row says whose it is. Never attached (case_id null) after expires_at,
-- the row is deleted. Not in stored_files: uploads are personal and never publicly downloadable.
CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  media_type text NOT NULL,
  bytes integer NOT NULL CHECK (bytes > 0),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  case_id uuid
);

CREATE INDEX uploads_citizen_idx ON uploads (citizen_id, created_at);

CREATE INDEX uploads_unattached_expiry_idx ON uploads (expires_at) WHERE case_id IS NULL;

-- A case: what was applied for, by whom, against which guide version (and its content hash),
-- handled by which department. form_values are as keptApplicationValues normalised them;
-- materials keep each material's name, files (upload refs) or deferral with the commitment.
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_number text NOT NULL UNIQUE CHECK (case_number ~ '^KDL-[0-9]{8}-[0-9]{4,6}$'),
  citizen_id uuid NOT NULL REFERENCES citizens (id),
  item_code text NOT NULL REFERENCES service_items (code),
  item_name text NOT NULL,
  guide_version integer NOT NULL,
  guide_content_hash text NOT NULL,
  department_id text NOT NULL REFERENCES departments (id),
  handling_body text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'correction_requested', 'approved', 'rejected', 'completed', 'withdrawn')),
  situation_answers jsonb NOT NULL,
  form_values jsonb NOT NULL,
  materials jsonb NOT NULL,
  deferred_materials integer NOT NULL DEFAULT 0,
  promised_completion jsonb,
  expected_completion_date date,
  submitted_at timestamptz NOT NULL
);

CREATE INDEX cases_citizen_idx ON cases (citizen_id, submitted_at DESC);

CREATE INDEX cases_department_idx ON cases (department_id, status, submitted_at);

ALTER TABLE uploads ADD CONSTRAINT uploads_case_fk FOREIGN KEY (case_id) REFERENCES cases (id);

-- Every step of a case, oldest first: who acted (the applicant, or a staff member) and what the
-- applicant is told.
CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  status text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'staff', 'system')),
  staff_id uuid REFERENCES staff_accounts (id),
  actor text NOT NULL,
  note text NOT NULL
);

CREATE INDEX case_events_case_idx ON case_events (case_id, at);
