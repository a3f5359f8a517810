import type { Migration } from './types';

/**
 * The whole domain, so later features extend rather than redo: companies with prep notes, leads
 * with everything the call queue orders by, behaviour events, calls and their drafts, BANT hearing
 * versions, 30-minute slots, field reps and handoffs, the CRM outbox, imports and settings.
 * Times are ISO-8601 UTC text; money is integer minor units; flags are 0/1.
 */
export const initial: Migration = {
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        encoding TEXT NOT NULL,
        total_rows INTEGER NOT NULL,
        inserted INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        invalid INTEGER NOT NULL,
        report TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE companies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        website TEXT,
        industry TEXT,
        employees INTEGER CHECK (employees IS NULL OR employees >= 0),
        address TEXT,
        phone TEXT,
        prep_notes TEXT NOT NULL DEFAULT '',
        prep_checklist TEXT NOT NULL DEFAULT '{}',
        crm_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE leads (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        last_name TEXT,
        first_name TEXT,
        full_name TEXT NOT NULL,
        title TEXT,
        department TEXT,
        email TEXT,
        email_key TEXT,
        phone TEXT,
        phone_key TEXT,
        source TEXT NOT NULL DEFAULT 'other',
        stage TEXT NOT NULL DEFAULT 'lead_captured',
        status TEXT NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'working', 'callback', 'recycled', 'excluded', 'qualified')),
        attribute_score INTEGER NOT NULL DEFAULT 0,
        behaviour_score INTEGER NOT NULL DEFAULT 0,
        score INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        attempts_today INTEGER NOT NULL DEFAULT 0,
        last_contact_at TEXT,
        next_call_at TEXT,
        recycle_reason TEXT,
        recycle_until TEXT,
        exclude_reason TEXT,
        excluded_at TEXT,
        do_not_call INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0, 1)),
        time_zone TEXT NOT NULL DEFAULT 'Asia/Tokyo',
        search_text TEXT NOT NULL,
        crm_id TEXT,
        import_id TEXT REFERENCES imports(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX leads_company ON leads(company_id);
      CREATE INDEX leads_phone_key ON leads(phone_key) WHERE phone_key IS NOT NULL;
      CREATE INDEX leads_company_email ON leads(company_id, email_key) WHERE email_key IS NOT NULL;
      -- The call list pages in this order; walking it lets a page stop after LIMIT rows.
      CREATE INDEX leads_by_score ON leads(score DESC, created_at, id);
      CREATE INDEX leads_next_call ON leads(next_call_at) WHERE next_call_at IS NOT NULL;
      CREATE INDEX leads_recycle ON leads(recycle_until) WHERE status = 'recycled';
      CREATE UNIQUE INDEX leads_crm_id ON leads(crm_id) WHERE crm_id IS NOT NULL;

      CREATE TABLE behaviour_events (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        detail TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX behaviour_events_lead ON behaviour_events(lead_id, occurred_at);

      CREATE TABLE slots (
        id TEXT PRIMARY KEY,
        starts_at TEXT NOT NULL UNIQUE,
        ends_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        slot_id TEXT REFERENCES slots(id),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        duration_sec INTEGER CHECK (duration_sec IS NULL OR duration_sec >= 0),
        outcome TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        next_action TEXT,
        next_action_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX calls_lead ON calls(lead_id, started_at);
      CREATE INDEX calls_started ON calls(started_at);

      CREATE TABLE call_drafts (
        lead_id TEXT PRIMARY KEY REFERENCES leads(id),
        draft TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE hearings (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        call_id TEXT REFERENCES calls(id),
        version INTEGER NOT NULL,
        budget_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (budget_confirmed IN (0, 1)),
        authority_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (authority_confirmed IN (0, 1)),
        need_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (need_confirmed IN (0, 1)),
        timeline_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (timeline_confirmed IN (0, 1)),
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (lead_id, version)
      ) STRICT;

      CREATE TABLE field_reps (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        crm_user_id TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE handoffs (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        field_rep_id TEXT REFERENCES field_reps(id),
        state TEXT NOT NULL DEFAULT 'draft',
        field_state TEXT,
        field_reason TEXT,
        appointment_at TEXT,
        appointment_place TEXT,
        summary TEXT NOT NULL DEFAULT '',
        package TEXT NOT NULL,
        override_reason TEXT,
        crm_id TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX handoffs_lead ON handoffs(lead_id);
      CREATE INDEX handoffs_state ON handoffs(state, created_at);

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
          CHECK (state IN ('pending', 'done', 'attention')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox(state, seq);
      CREATE INDEX outbox_entity ON outbox(entity, entity_id, seq);
    `);
  },
};
