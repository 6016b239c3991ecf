-- Identity and access: citizens signed in by mobile number and one-time code, staff accounts with
-- roles bound to halls and departments, the sessions of both (stored as hashes of their tokens),
-- the audit log of staff actions, citizens' profiles (我的资料) and the companies they act for;
-- idempotency keys become scoped per user.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

-- A citizen is known by the mobile number they signed in with; the row is created at the first
-- successful sign-in, so asking for a code never reveals whether a number has an account.
CREATE TABLE citizens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone text NOT NULL UNIQUE CHECK (phone ~ '^1[3-9][0-9]{9}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_signed_in_at timestamptz
);

-- One-time sign-in codes, stored hashed. The rows are also the rate-limit counters (per number
-- and per client address), so several API processes share them. used_at is set when the code is
-- used, superseded by a newer one, or spent by too many wrong attempts.
CREATE TABLE sign_in_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone text NOT NULL,
  client_address text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE INDEX sign_in_codes_phone_idx ON sign_in_codes (phone, created_at);

CREATE INDEX sign_in_codes_address_idx ON sign_in_codes (client_address, created_at);

CREATE INDEX sign_in_codes_created_idx ON sign_in_codes (created_at);

-- Sessions are found by the SHA-256 of the cookie's token: a copy of the table signs nobody in.
-- expires_at slides forward while the session is used.
CREATE TABLE citizen_sessions (
  token_hash text PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX citizen_sessions_citizen_idx ON citizen_sessions (citizen_id);

CREATE INDEX citizen_sessions_expires_idx ON citizen_sessions (expires_at);

-- Staff accounts: 窗口人员 clerk, 审批科长 supervisor, admin. Passwords are argon2id hashes (PHC
-- strings). Accounts are disabled, never deleted, so the audit log keeps naming them.
CREATE TABLE staff_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9._-]{2,31}$'),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  password_hash text NOT NULL,
  disabled_at timestamptz,
  -- Consecutive failed sign-ins; reaching the limit locks the account until locked_until.
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_halls (
  staff_id uuid NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  hall_id text NOT NULL REFERENCES halls (id),
  PRIMARY KEY (staff_id, hall_id)
);

CREATE TABLE staff_departments (
  staff_id uuid NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  department_id text NOT NULL REFERENCES departments (id),
  PRIMARY KEY (staff_id, department_id)
);

CREATE INDEX staff_departments_department_idx ON staff_departments (department_id);

CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX staff_sessions_staff_idx ON staff_sessions (staff_id);

CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

-- Every staff action: who (the account, and its username at the time, or a system actor such as
-- the CLI), what, on which target, with details (never passwords or ID numbers), and when.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  staff_id uuid REFERENCES staff_accounts (id),
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  detail jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE INDEX audit_log_staff_idx ON audit_log (staff_id, at);

-- 我的资料: what the one-form application fills in. Readable and writable by its citizen only.
CREATE TABLE citizen_profiles (
  citizen_id uuid PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
  name text,
  id_number text,
  phone text,
  address text,
  updated_at timestamptz NOT NULL
);

-- Companies (legal persons) a citizen acts for, with their 统一社会信用代码.
CREATE TABLE citizen_companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  name text NOT NULL,
  credit_code text NOT NULL,
  legal_representative text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (citizen_id, credit_code)
);

-- An Idempotency-Key belongs to the user who sent it ('citizen:<id>', 'staff:<id>' or
-- 'anonymous'), so one user's key can never replay another user's stored answer.
ALTER TABLE idempotency_keys ADD COLUMN principal text NOT NULL DEFAULT 'anonymous';

ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;

ALTER TABLE idempotency_keys ADD PRIMARY KEY (principal, key);
