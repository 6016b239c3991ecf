-- The case lifecycle (contract/case-lifecycle.ts): every status from submission to completion, the
-- day of acceptance and of the decision that the deadlines run between, the pauses for
-- corrections after acceptance, and what the applicant was last told (the correction request,
-- the refusal with its legal basis, the result and how to get it). Each step of the timeline
-- keeps the action, the actor's role and what the action said.
-- One statement per `;`-terminated line end: PGlite runs one statement per query.

ALTER TABLE cases DROP CONSTRAINT cases_status_check;

ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('submitted', 'accepted', 'not_accepted', 'under_review', 'correction_requested', 'resubmitted', 'approved', 'rejected', 'result_issued', 'completed', 'withdrawn'));

-- The day (Asia/Shanghai) the case was accepted (受理): the deadlines count from it.
ALTER TABLE cases ADD COLUMN accepted_on date;

-- The day of the decision (approve / reject): the deadlines stop there.
ALTER TABLE cases ADD COLUMN decided_on date;

-- Corrections requested after acceptance, [{ "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" | null }]:
-- the deadlines do not run from the day after `from` to `to` (the answer's day); `to` null while pending.
ALTER TABLE cases ADD COLUMN pauses jsonb NOT NULL DEFAULT '[]';

-- The last correction request (items with names, note, when, by whom, answered when).
ALTER TABLE cases ADD COLUMN correction jsonb;

-- The refusal (不予受理 / 不予许可) with reasons and legal basis.
ALTER TABLE cases ADD COLUMN refusal jsonb;

-- The result issued and how the applicant gets it.
ALTER TABLE cases ADD COLUMN result jsonb;

-- The running due dates (null when not running: before acceptance, paused, decided, no figure),
-- kept for the staff queue's order; the answers compute them afresh.
ALTER TABLE cases ADD COLUMN promised_due_date date;

ALTER TABLE cases ADD COLUMN statutory_due_date date;

CREATE INDEX cases_queue_idx ON cases (department_id, promised_due_date, statutory_due_date, submitted_at);

ALTER TABLE case_events ADD COLUMN action text;

ALTER TABLE case_events ADD COLUMN actor_role text;

UPDATE case_events SET actor_role = CASE actor_kind WHEN 'citizen' THEN 'applicant' WHEN 'system' THEN 'system' ELSE 'clerk' END;

ALTER TABLE case_events ALTER COLUMN actor_role SET NOT NULL;

ALTER TABLE case_events ADD CONSTRAINT case_events_actor_role_check CHECK (actor_role IN ('applicant', 'clerk', 'supervisor', 'admin', 'system'));

-- What the action said: reasons and legal basis, correction items, the correction's answer, delivery.
ALTER TABLE case_events ADD COLUMN detail jsonb;
