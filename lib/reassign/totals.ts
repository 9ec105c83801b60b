// How much each receiver of a reassignment gets (lib/reassign/plan.ts makes
// the plan). Apart from the plan's rules so the options page, which recounts
// as the manager chooses per customer, does not load the company-name folding.
import type { PlannedCustomer } from './api-schemas';

/** Per receiver, in `receivers` order: how many customers, claims and packets they get. */
export function receiverTotals(customers: readonly PlannedCustomer[], receivers: readonly { id: number; name: string }[]) {
  return receivers.map((r) => {
    const mine = customers.filter((c) => c.receiverId === r.id);
    return { id: r.id, name: r.name, customers: mine.length, claims: mine.reduce((n, c) => n + c.claims.length, 0), packets: mine.reduce((n, c) => n + c.packets.length, 0) };
  });
}
