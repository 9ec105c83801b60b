// What of a packet may reach the customer (issue 11, item 5). The intro email
// and the kickoff agenda are drafted from this view only, never from the
// packet itself, so an internal section cannot leak into a customer draft by
// accident: the CSM adds anything else by hand.
//
// Customer-facing (the customer told us, or will see it anyway): the account
// name, the customer's people by name and title, what was bought (products,
// quantities, term, start date), the problems the customer bought us to solve,
// the goals and KPIs, the milestones, and open items of kind "item" (what we
// still owe them).
//
// Internal, never in the view: the deal's CRM name, sales notes, the decisive
// points (why we won), risks, the rep's overall assessment, the follow-up log,
// the stakeholders' personality, wants and contact details, the customer
// profile (size, tier…), the amount, payment status and out-of-scope services,
// feature asks, what sales delivered or promised, known bugs, the service
// group, the CSM's expansion log and the review (return reasons).
import type { Packet, Stakeholder } from '@/lib/packet/schema';

export interface CustomerFacing {
  /** the customer's account name ('' when the page did not show it) */
  customer: string;
  /** the deal's sales owner, named as the person handing over */
  rep: string;
  people: { name: string; title: string; role: Stakeholder['role'] }[];
  purchases: { product: string; quantity: number | null }[];
  termMonths: number | null;
  /** YYYY-MM-DD or '' */
  startDate: string;
  problemsToSolve: string;
  goals: { goal: string; target: string; due: string }[];
  milestones: { text: string; date: string }[];
  openItems: { text: string; owner: string; due: string }[];
}

/** The customer-facing part of a packet; empty entries are left out. */
export function customerFacing(p: Packet): CustomerFacing {
  return {
    customer: (p.deal.accountName ?? p.dealOverrides.accountName ?? '').trim(),
    rep: (p.deal.owner ?? p.dealOverrides.owner ?? '').trim(),
    people: p.stakeholders.filter((s) => s.name.trim()).map((s) => ({ name: s.name.trim(), title: s.title.trim(), role: s.role })),
    purchases: p.contract.purchases.filter((x) => x.product.trim()).map((x) => ({ product: x.product.trim(), quantity: x.quantity })),
    termMonths: p.contract.termMonths,
    startDate: p.contract.startDate,
    problemsToSolve: p.whyWon.problemsToSolve.trim(),
    goals: p.goals.filter((g) => g.goal.trim()).map((g) => ({ goal: g.goal.trim(), target: g.target.trim(), due: g.due })),
    milestones: p.milestones.filter((m) => m.text.trim()).map((m) => ({ text: m.text.trim(), date: m.date })),
    openItems: p.openItems.filter((o) => o.kind === 'item' && o.text.trim()).map((o) => ({ text: o.text.trim(), owner: o.owner.trim(), due: o.due })),
  };
}
