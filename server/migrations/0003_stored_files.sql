-- Files the database references (blank and sample forms, result samples; later uploads). The
-- bytes live in the file storage (DATA_DIR/files by default), addressed by sha256; this table is
-- what the download route trusts: a hash not listed here is answered 404 even if bytes exist.

CREATE TABLE stored_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- The name it was first stored under; stored_file_names lists every name it is referenced by.
  file_name text NOT NULL,
  media_type text NOT NULL,
  bytes integer NOT NULL CHECK (bytes >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Identical content can be referenced under several names (the same 授权委托书 in three guides
-- under different names); the download URL carries the name, and only these names are served.
CREATE TABLE stored_file_names (
  sha256 text NOT NULL REFERENCES stored_files (sha256) ON DELETE CASCADE,
  file_name text NOT NULL,
  PRIMARY KEY (sha256, file_name)
);
