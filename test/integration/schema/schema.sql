-- schema version 19

-- index behaviour_events_lead
CREATE INDEX behaviour_events_lead ON behaviour_events(lead_id, occurred_at);

-- index behaviour_events_unique
CREATE UNIQUE INDEX behaviour_events_unique ON behaviour_events(lead_id, kind, occurred_at);

-- index call_objections_started
CREATE INDEX call_objections_started ON call_objections(started_at);

-- index calls_lead
CREATE INDEX calls_lead ON calls(lead_id, started_at);

-- index calls_started
CREATE INDEX calls_started ON calls(started_at);

-- index companies_corporate_number
CREATE UNIQUE INDEX companies_corporate_number ON companies(corporate_number) WHERE corporate_number IS NOT NULL;

-- index followups_lead
CREATE INDEX followups_lead ON followups(lead_id, created_at);

-- index handoffs_lead
CREATE INDEX handoffs_lead ON handoffs(lead_id);

-- index handoffs_state
CREATE INDEX handoffs_state ON handoffs(state, created_at);

-- index handoffs_updated
CREATE INDEX handoffs_updated ON handoffs(updated_at);

-- index hearings_open
CREATE INDEX hearings_open ON hearings(lead_id) WHERE sealed_at IS NULL;

-- index import_undo_row
CREATE INDEX import_undo_row ON import_undo(entity, row_id);

-- index lead_duplicates_b
CREATE INDEX lead_duplicates_b ON lead_duplicates(lead_b);

-- index lead_duplicates_open
CREATE INDEX lead_duplicates_open ON lead_duplicates(created_at) WHERE state = 'open';

-- index lead_exits_at
CREATE INDEX lead_exits_at ON lead_exits(at);

-- index lead_exits_lead
CREATE INDEX lead_exits_lead ON lead_exits(lead_id, at);

-- index lead_work_months_source
CREATE INDEX lead_work_months_source ON lead_work_months(month, source);

-- index leads_by_score
CREATE INDEX leads_by_score ON leads(score DESC, created_at, id);

-- index leads_company
CREATE INDEX leads_company ON leads(company_id);

-- index leads_company_email
CREATE INDEX leads_company_email ON leads(company_id, email_key) WHERE email_key IS NOT NULL;

-- index leads_company_name
CREATE INDEX leads_company_name ON leads(company_id, name_key);

-- index leads_crm_id
CREATE UNIQUE INDEX leads_crm_id ON leads(crm_id) WHERE crm_id IS NOT NULL;

-- index leads_email_key
CREATE INDEX leads_email_key ON leads(email_key) WHERE email_key IS NOT NULL;

-- index leads_listed_search
CREATE INDEX leads_listed_search ON leads(search_text, source) WHERE queue_bucket > 0;

-- index leads_merged_into
CREATE INDEX leads_merged_into ON leads(merged_into) WHERE merged_into IS NOT NULL;

-- index leads_next_call
CREATE INDEX leads_next_call ON leads(next_call_at) WHERE next_call_at IS NOT NULL;

-- index leads_phone_key
CREATE INDEX leads_phone_key ON leads(phone_key) WHERE phone_key IS NOT NULL;

-- index leads_queue
CREATE INDEX leads_queue ON leads(queue_bucket, queue_sort, id) WHERE queue_bucket > 0;

-- index leads_queue_changes
CREATE INDEX leads_queue_changes ON leads(queue_changes_at) WHERE queue_changes_at IS NOT NULL;

-- index leads_queue_seek
CREATE INDEX leads_queue_seek ON leads(queue_bucket, queue_sort, id, source) WHERE queue_bucket > 0;

-- index leads_recycle
CREATE INDEX leads_recycle ON leads(recycle_until) WHERE status = 'recycled';

-- index leads_source
CREATE INDEX leads_source ON leads(id, source);

-- index outbox_due
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE state = 'pending';

-- index outbox_entity
CREATE INDEX outbox_entity ON outbox(entity, entity_id, seq);

-- index outbox_pending
CREATE INDEX outbox_pending ON outbox(state, seq);

-- index phone_calls_call
CREATE UNIQUE INDEX phone_calls_call ON phone_calls(call_id) WHERE call_id IS NOT NULL;

-- index phone_calls_lead
CREATE INDEX phone_calls_lead ON phone_calls(lead_id, started_at);

-- index phone_calls_source
CREATE UNIQUE INDEX phone_calls_source ON phone_calls(source, external_id);

-- index phone_calls_state
CREATE INDEX phone_calls_state ON phone_calls(state, started_at);

-- index sync_conflicts_open
CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts(lead_id) WHERE state = 'open';

-- table behaviour_events
CREATE TABLE behaviour_events ( id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads(id), kind TEXT NOT NULL, occurred_at TEXT NOT NULL, detail TEXT, created_at TEXT NOT NULL ) STRICT;

-- table call_drafts
CREATE TABLE call_drafts ( lead_id TEXT PRIMARY KEY REFERENCES leads(id), draft TEXT NOT NULL, updated_at TEXT NOT NULL ) STRICT;

-- table call_half_hours
CREATE TABLE call_half_hours ( half_hour INTEGER PRIMARY KEY, calls INTEGER NOT NULL ) STRICT;

-- table call_objections
CREATE TABLE call_objections ( call_id TEXT NOT NULL REFERENCES calls(id), card_id TEXT NOT NULL, lead_id TEXT NOT NULL REFERENCES leads(id), started_at TEXT NOT NULL, PRIMARY KEY (call_id, card_id) ) STRICT;

-- table call_tallies
CREATE TABLE call_tallies ( day TEXT NOT NULL, source TEXT NOT NULL, outcome TEXT NOT NULL, conversation INTEGER NOT NULL, calls INTEGER NOT NULL, PRIMARY KEY (day, source, outcome, conversation) ) STRICT;

-- table calls
CREATE TABLE calls ( id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads(id), slot_id TEXT REFERENCES slots(id), started_at TEXT NOT NULL, ended_at TEXT, duration_sec INTEGER CHECK (duration_sec IS NULL OR duration_sec >= 0), outcome TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '', next_action TEXT, next_action_at TEXT, created_at TEXT NOT NULL , conversation INTEGER NOT NULL DEFAULT 0 CHECK (conversation IN (0, 1)), talk_version INTEGER) STRICT;

-- table companies
CREATE TABLE companies ( id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, website TEXT, industry TEXT, employees INTEGER CHECK (employees IS NULL OR employees >= 0), address TEXT, phone TEXT, prep_notes TEXT NOT NULL DEFAULT '', prep_checklist TEXT NOT NULL DEFAULT '{}', crm_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL , prep_notes_saved_at TEXT, name_reading TEXT, corporate_number TEXT) STRICT;

-- table exit_tallies
CREATE TABLE exit_tallies ( day TEXT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL, exits INTEGER NOT NULL, PRIMARY KEY (day, source, kind, reason) ) STRICT;

-- table field_reps
CREATE TABLE field_reps ( id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT, crm_user_id TEXT, active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)) ) STRICT;

-- table followups
CREATE TABLE followups ( id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads(id), call_id TEXT REFERENCES calls(id), template_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('thanks', 'materials', 'scheduling', 'appointment')), recipient TEXT, subject TEXT NOT NULL, body TEXT NOT NULL, channel TEXT NOT NULL CHECK (channel IN ('mailto', 'eml')), due_at TEXT, created_at TEXT NOT NULL ) STRICT;

-- table handoffs
CREATE TABLE handoffs ( id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads(id), field_rep_id TEXT REFERENCES field_reps(id), state TEXT NOT NULL DEFAULT 'draft', field_state TEXT, field_reason TEXT, appointment_at TEXT, appointment_place TEXT, summary TEXT NOT NULL DEFAULT '', package TEXT NOT NULL, override_reason TEXT, crm_id TEXT, last_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1 , appointment_end TEXT, meeting_url TEXT, corrections INTEGER NOT NULL DEFAULT 0, synced_at TEXT) STRICT;

-- table hearings
CREATE TABLE hearings ( id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads(id), call_id TEXT REFERENCES calls(id), version INTEGER NOT NULL, budget_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (budget_confirmed IN (0, 1)), authority_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (authority_confirmed IN (0, 1)), need_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (need_confirmed IN (0, 1)), timeline_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (timeline_confirmed IN (0, 1)), data TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT, sealed_at TEXT, author TEXT NOT NULL DEFAULT '', UNIQUE (lead_id, version) ) STRICT;

-- table import_undo
CREATE TABLE import_undo ( import_id TEXT NOT NULL REFERENCES imports(id), entity TEXT NOT NULL CHECK (entity IN ('company', 'lead', 'outbox')), row_id TEXT NOT NULL, -- The row's values before the import changed it; NULL for a row the import inserted. old TEXT, PRIMARY KEY (import_id, entity, row_id) ) STRICT;

-- table imports
CREATE TABLE imports ( id TEXT PRIMARY KEY, file_name TEXT NOT NULL, encoding TEXT NOT NULL, total_rows INTEGER NOT NULL, inserted INTEGER NOT NULL, updated INTEGER NOT NULL, invalid INTEGER NOT NULL, report TEXT NOT NULL, created_at TEXT NOT NULL , skipped INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('writing', 'publishing', 'done'))) STRICT;

-- table kpi_tally_basis
CREATE TABLE kpi_tally_basis ( id INTEGER PRIMARY KEY CHECK (id = 1), time_zone TEXT NOT NULL, conversation_seconds INTEGER NOT NULL ) STRICT;

-- table lead_duplicates
CREATE TABLE lead_duplicates ( id TEXT PRIMARY KEY, -- The pair in a fixed order (lead_a < lead_b), so a pair is stored once. lead_a TEXT NOT NULL REFERENCES leads(id), lead_b TEXT NOT NULL REFERENCES leads(id), reason TEXT NOT NULL CHECK (reason IN ('same_name_other_email', 'same_mobile_other_company')), state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'merged', 'separate')), import_id TEXT REFERENCES imports(id), created_at TEXT NOT NULL, decided_at TEXT, kept_lead TEXT REFERENCES leads(id), CHECK (lead_a < lead_b), UNIQUE (lead_a, lead_b) ) STRICT;

-- table lead_exits
CREATE TABLE lead_exits ( id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads(id), kind TEXT NOT NULL CHECK (kind IN ('called', 'recycled', 'excluded', 'qualified', 'skipped', 'restored')), reason TEXT, note TEXT NOT NULL DEFAULT '', call_id TEXT REFERENCES calls(id), at TEXT NOT NULL ) STRICT;

-- table lead_work_days
CREATE TABLE lead_work_days ( day TEXT NOT NULL, lead_id TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (day, lead_id) ) STRICT;

-- table lead_work_months
CREATE TABLE lead_work_months ( month TEXT NOT NULL, lead_id TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (month, lead_id, source) ) STRICT;

-- table leads
CREATE TABLE leads ( id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id), last_name TEXT, first_name TEXT, full_name TEXT NOT NULL, title TEXT, department TEXT, email TEXT, email_key TEXT, phone TEXT, phone_key TEXT, source TEXT NOT NULL DEFAULT 'other', stage TEXT NOT NULL DEFAULT 'lead_captured', status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'working', 'callback', 'recycled', 'excluded', 'qualified')), attribute_score INTEGER NOT NULL DEFAULT 0, behaviour_score INTEGER NOT NULL DEFAULT 0, score INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, attempts_today INTEGER NOT NULL DEFAULT 0, last_contact_at TEXT, next_call_at TEXT, recycle_reason TEXT, recycle_until TEXT, exclude_reason TEXT, excluded_at TEXT, do_not_call INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0, 1)), time_zone TEXT NOT NULL DEFAULT 'Asia/Tokyo', search_text TEXT NOT NULL, crm_id TEXT, import_id TEXT REFERENCES imports(id), created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1 , queue_bucket INTEGER NOT NULL DEFAULT 0, queue_sort REAL NOT NULL DEFAULT 0, queue_reason TEXT NOT NULL DEFAULT '{"code":"new"}', queue_changes_at TEXT DEFAULT '1970-01-01T00:00:00.000Z', last_outcome TEXT, name_reading TEXT, name_key TEXT, notes TEXT NOT NULL DEFAULT '', notes_saved_at TEXT, merged_into TEXT REFERENCES leads(id), source_detail TEXT) STRICT;

-- table outbox
CREATE TABLE outbox ( seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'attention')), attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, last_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL , done_at TEXT, crm_id TEXT, superseded_by TEXT) STRICT;

-- table phone_calls
CREATE TABLE phone_calls ( id TEXT PRIMARY KEY, source TEXT NOT NULL CHECK (source IN ('salesforce', 'miitel', 'zoom')), external_id TEXT NOT NULL, lead_id TEXT REFERENCES leads(id), -- The CRM record the Task names (a Lead, or the Contact it was converted to). crm_who_id TEXT, phone_key TEXT, started_at TEXT NOT NULL, duration_sec INTEGER CHECK (duration_sec IS NULL OR duration_sec >= 0), direction TEXT CHECK (direction IS NULL OR direction IN ('outbound', 'inbound')), result TEXT, recording_url TEXT, summary TEXT NOT NULL DEFAULT '', call_id TEXT REFERENCES calls(id), state TEXT NOT NULL CHECK (state IN ('matched', 'unmatched', 'dismissed')), matched_by TEXT CHECK (matched_by IS NULL OR matched_by IN ('auto', 'rep')), created_at TEXT NOT NULL, updated_at TEXT NOT NULL, CHECK ((state = 'matched') = (call_id IS NOT NULL)) ) STRICT;

-- table queue_requeue
CREATE TABLE queue_requeue ( id INTEGER PRIMARY KEY CHECK (id = 1), as_of TEXT NOT NULL, bucket INTEGER, sort REAL, lead_id TEXT, stale INTEGER NOT NULL DEFAULT 0 ) STRICT;

-- table settings
CREATE TABLE settings ( key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL ) STRICT;

-- table slots
CREATE TABLE slots ( id TEXT PRIMARY KEY, starts_at TEXT NOT NULL UNIQUE, ends_at TEXT NOT NULL, kind TEXT NOT NULL, target TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL ) STRICT;

-- table sync_conflicts
CREATE TABLE sync_conflicts ( id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads(id), crm_id TEXT NOT NULL, local TEXT NOT NULL, crm TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept_local', 'took_crm')), created_at TEXT NOT NULL, updated_at TEXT NOT NULL, resolved_at TEXT ) STRICT;

-- table sync_lead_base
CREATE TABLE sync_lead_base ( lead_id TEXT PRIMARY KEY REFERENCES leads(id), fields TEXT NOT NULL, updated_at TEXT NOT NULL ) STRICT;

-- table sync_state
CREATE TABLE sync_state ( key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL ) STRICT;

-- table talk_sets
CREATE TABLE talk_sets ( version INTEGER PRIMARY KEY CHECK (version >= 1), content TEXT NOT NULL, origin TEXT NOT NULL CHECK (origin IN ('edited', 'imported')), saved_at TEXT NOT NULL ) STRICT;

-- trigger leads_requeue_inserted
CREATE TRIGGER leads_requeue_inserted AFTER INSERT ON leads WHEN NEW.queue_changes_at <= (SELECT as_of FROM queue_requeue WHERE id = 1) BEGIN UPDATE queue_requeue SET stale = 1 WHERE id = 1; END;

-- trigger leads_requeue_marked
CREATE TRIGGER leads_requeue_marked AFTER UPDATE OF queue_changes_at ON leads WHEN NEW.queue_changes_at <= (SELECT as_of FROM queue_requeue WHERE id = 1) BEGIN UPDATE queue_requeue SET stale = 1 WHERE id = 1; END;
