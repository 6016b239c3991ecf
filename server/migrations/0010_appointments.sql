-- Appointments (预约, 第十八条): each hall's schedule, the per-slot counters that keep bookings
-- within capacity, the bookings themselves, and home-service (上门服务) requests.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

-- A hall's schedule as staff set it (contract/appointment-slots.ts HallScheduleInput); the slots
-- are generated from it and the working-day calendar, never stored in advance.
CREATE TABLE appointment_schedules (
  hall_id text PRIMARY KEY REFERENCES halls (id) ON DELETE CASCADE,
  schedule jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES staff_accounts (id) ON DELETE SET NULL
);

-- One row per slot that has ever been booked: the counter a booking increments with a single
-- conditional UPDATE, so concurrent bookings serialise on the row and none exceeds capacity.
-- capacity and priority_reserved are the schedule's values when the row was last booked; the
-- CHECKs are the last line of defence against overbooking.
CREATE TABLE appointment_slots (
  hall_id text NOT NULL REFERENCES halls (id) ON DELETE CASCADE,
  service_id text NOT NULL,
  slot_date date NOT NULL,
  start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  kind text NOT NULL CHECK (kind IN ('regular', 'flexible', 'lunch', 'rest_day')),
  capacity integer NOT NULL CHECK (capacity >= 1),
  priority_reserved integer NOT NULL CHECK (priority_reserved >= 0),
  booked integer NOT NULL DEFAULT 0,
  booked_priority integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hall_id, service_id, slot_date, start_time),
  CHECK (booked >= 0 AND booked <= capacity),
  CHECK (booked_priority >= 0 AND booked_priority <= booked)
);

-- A booking: the slot, what for, who (the citizen's own account; contact read from it), the
-- 绿色通道 group declared, and what happened (checked in, missed, cancelled). Reminders are
-- stamped when sent, so each goes out once.
CREATE TABLE bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$'),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  item_code text NOT NULL,
  item_name text NOT NULL,
  hall_id text NOT NULL REFERENCES halls (id),
  service_id text NOT NULL,
  service_name text NOT NULL,
  window_number text,
  slot_date date NOT NULL,
  start_time text NOT NULL,
  end_time text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('regular', 'flexible', 'lunch', 'rest_day')),
  priority_group text CHECK (priority_group IN ('military', 'fire_rescue', 'medical', 'elderly', 'sick', 'disabled', 'pregnant')),
  status text NOT NULL CHECK (status IN ('booked', 'checked_in', 'no_show', 'cancelled')),
  starts_at timestamptz NOT NULL,
  changeable_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  checked_in_at timestamptz,
  no_show_at timestamptz,
  reminded_day_before_at timestamptz,
  reminded_two_hours_at timestamptz
);

-- One active booking per person, item and slot.
CREATE UNIQUE INDEX bookings_one_active_idx ON bookings (citizen_id, item_code, hall_id, slot_date, start_time) WHERE status = 'booked';

CREATE INDEX bookings_citizen_idx ON bookings (citizen_id, starts_at DESC);

CREATE INDEX bookings_hall_day_idx ON bookings (hall_id, slot_date, start_time);

CREATE INDEX bookings_reminder_idx ON bookings (starts_at) WHERE status = 'booked';

-- 上门服务: a citizen's request, and staff's confirmation (with a time) or decline (with a reason).
CREATE TABLE home_service_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  item_code text NOT NULL,
  item_name text NOT NULL,
  hall_id text NOT NULL REFERENCES halls (id),
  address text NOT NULL CHECK (char_length(address) BETWEEN 1 AND 200),
  reason text NOT NULL CHECK (reason IN ('mobility', 'on_site_inspection')),
  note text CHECK (note IS NULL OR char_length(note) <= 500),
  preferred_dates jsonb NOT NULL,
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled')),
  visit_at timestamptz,
  staff_note text,
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by uuid REFERENCES staff_accounts (id) ON DELETE SET NULL,
  cancelled_at timestamptz,
  CHECK (status <> 'confirmed' OR visit_at IS NOT NULL),
  CHECK (status <> 'declined' OR staff_note IS NOT NULL)
);

CREATE INDEX home_service_requests_citizen_idx ON home_service_requests (citizen_id, created_at DESC);

CREATE INDEX home_service_requests_hall_idx ON home_service_requests (hall_id, status, created_at);
