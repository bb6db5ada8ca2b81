// What CoachIntel's frontend (lib/api/leads.ts, app/admin/leads) calls and reads, written against the types that
// openapi-typescript generates from docs/openapi.yaml. tsc --noEmit passes only if each field it reads exists with a
// type CoachIntel's own types accept. It checks compatibility, not that our enums equal theirs.
import createClient from "openapi-fetch";
import type { paths } from "./generated/leads";

// CoachIntel's own types, as lib/api/leads.ts declares them (the fields its pages read).
type LeadStatus = "waitlist" | "invited" | "converted" | "lost";
type LeadListItemOut = {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  status: LeadStatus;
  tags: string[];
  created_at: string;
};
type LeadDetailOut = LeadListItemOut & {
  source?: string | null;
  utm_source?: string | null;
  utm_medium?: string | null;
  utm_campaign?: string | null;
  notes?: string | null;
  last_contacted_at?: string | null;
  consent_email: "opted_in" | "opted_out" | "unknown";
  consent_sms: "opted_in" | "opted_out" | "unknown";
};
type LeadEventOut = {
  id: string;
  channel: "email" | "sms";
  type: string; // CoachIntel's names differ (send, open, ...): docs/integration.md maps them
  occurred_at: string;
  meta: Record<string, any>;
};
type LeadListResponse = { items: LeadListItemOut[]; total: number; limit: number; offset: number };

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:8080", credentials: "include" });

// CoachIntel pages by offset and never sends a cursor, so every page it gets has a number for `offset`; the schema's
// null is for pages that a cursor started. Narrowed at run time, so the rest of the page stays checked as it is.
function offsetPage<T extends { offset: number | null }>(page: T): T & { offset: number } {
  if (page.offset === null) {
    throw new Error("a cursor page: CoachIntel asks for offsets only");
  }
  return page as T & { offset: number };
}

export async function listLeads(): Promise<LeadListResponse | undefined> {
  const { data } = await client.GET("/leads", {
    params: { query: { q: "ada", status: ["invited"], tag: ["vip"], date_from: "2026-01-01", limit: 50, offset: 0 } },
  });
  return data && offsetPage(data);
}

/** An integration's sync: every lead, page after page, from cursor to cursor. */
export async function walkAllLeads(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: { limit: number; cursor?: string } = cursor === null ? { limit: 500 } : { limit: 500, cursor };
    const { data } = await client.GET("/leads", { params: { query } });
    if (!data) break;
    data.items.forEach((lead) => ids.push(lead.id));
    cursor = data.next_cursor;
  } while (cursor !== null);
  return ids;
}

export async function getLead(id: string): Promise<LeadDetailOut | undefined> {
  const { data } = await client.GET("/leads/{id}", { params: { path: { id } } });
  return data;
}

export async function getLeadEvents(id: string): Promise<LeadEventOut[]> {
  const { data, response } = await client.GET("/leads/{id}/events", { params: { path: { id }, query: { limit: 50 } } });
  const total: string | null = response.headers.get("X-Total-Count");
  void total;
  const events: LeadEventOut[] = data ?? [];
  return events.map((event) => ({ ...event, type: event.type }));
}

export async function patchLeadFields(id: string, body: { tags?: string[]; phone?: string }): Promise<LeadDetailOut | undefined> {
  const { data } = await client.PATCH("/leads/{id}", { params: { path: { id } }, body });
  return data;
}

export async function updateLeadStatus(id: string, status: LeadStatus): Promise<void> {
  await client.POST("/leads/{id}/status", { params: { path: { id } }, body: { status } });
}

export async function patchLeadNotes(id: string, notes: string): Promise<void> {
  await client.PATCH("/leads/{id}/notes", { params: { path: { id } }, body: { notes } });
}

export async function exportLeadsCSV(): Promise<Blob | undefined> {
  const { data } = await client.POST("/leads/export", {
    body: { q: "ada", status: "invited", tag: "vip", date_from: "2026-01-01", date_to: "2026-01-31" },
    parseAs: "blob",
  });
  return data;
}

export async function joinWaitlist(): Promise<boolean> {
  const { response } = await client.POST("/crm/public/leads", {
    body: { email: "eve@example.com", first_name: "Eve", source: "landing", consent_email: true, consent_sms: false },
  });
  return response.ok;
}
