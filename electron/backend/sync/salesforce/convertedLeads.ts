import type { SaveResult, SalesforceApi } from './api';
import { soqlString } from './soql';

/** Where a converted Lead's activities go: its Contact (Who) and its Opportunity, else its Account (What). */
export interface ConvertedLead {
  contactId: string;
  whatId: string;
}

/** Leads' Salesforce Ids start with this key prefix (Object Reference, ID Field Type: 00Q = Lead). */
const leadPrefix = '00Q';
const chunk = 200;

/**
 * Converted Leads Koma has met in this connector's life. Salesforce refuses any reference to a
 * Lead once it is converted (CANNOT_UPDATE_CONVERTED_LEAD, "cannot reference converted lead";
 * Salesforce Help: https://help.salesforce.com/s/articleView?id=000384333&type=1) — only its
 * ConvertedContactId and ConvertedAccountId may be named. So a call logged after the handoff
 * converted its Lead is written on the Contact, about the Opportunity (or the Account when the
 * conversion made none). A conversion never undoes itself, so what is learned stays true.
 */
export class ConvertedLeads {
  private readonly known = new Map<string, ConvertedLead>();

  /** After a conversion of Koma's own: calls logged later go straight to the Contact. */
  note(leadId: string, converted: ConvertedLead): void {
    this.known.set(leadId, converted);
  }

  /** The Contact a converted Lead became, when known. */
  contactOf(leadCrmId: string): string | null {
    return this.known.get(leadCrmId)?.contactId ?? null;
  }

  /** A Task record with its Who moved from a converted Lead to the Contact, and its What set; else the same record. */
  repoint(task: Record<string, unknown>): Record<string, unknown> {
    const converted = typeof task.WhoId === 'string' ? this.known.get(task.WhoId) : undefined;
    return converted ? { ...task, WhoId: converted.contactId, WhatId: converted.whatId } : task;
  }

  /** Whether Salesforce refused the record because a Lead it names was converted. */
  static refused(result: SaveResult): boolean {
    return !result.success && result.errors.some((e) => e.statusCode === 'CANNOT_UPDATE_CONVERTED_LEAD');
  }

  /** Reads the Converted…Ids of these Leads (converted by someone else, or before Koma restarted). */
  async learn(api: SalesforceApi, leadIds: readonly unknown[], signal: AbortSignal): Promise<void> {
    const ids = [...new Set(leadIds.filter((id): id is string => typeof id === 'string' && id.startsWith(leadPrefix) && !this.known.has(id)))];
    for (let i = 0; i < ids.length; i += chunk) {
      const rows = await api.query(
        `SELECT Id, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE IsConverted = true AND Id IN (${ids.slice(i, i + chunk).map(soqlString).join(', ')})`,
        signal,
      );
      for (const r of rows) {
        const contactId = r.ConvertedContactId;
        const whatId = r.ConvertedOpportunityId ?? r.ConvertedAccountId;
        if (typeof contactId === 'string' && typeof whatId === 'string') this.known.set(String(r.Id), { contactId, whatId });
      }
    }
  }
}
