import { newPacket, type Packet } from '@/lib/packet/schema';
import { addItem, setField, updateItem } from '@/lib/packet/edit';

export const identity = { crm: 'salesforce' as const, tenant: 'acme.lightning.force.com', recordId: '006Hs00000XyZ12IAB' };
export const snapshot = {
  dealName: 'Northwind Traders - Platform Renewal FY27',
  accountName: 'Northwind Traders Inc.',
  amount: 125000,
  currency: 'USD',
  stage: 'Negotiation/Review',
  closeDate: '2026-11-30',
  owner: 'Priya Raman',
  probability: null,
};

export const empty = (): Packet => newPacket(identity, snapshot, 'https://acme.lightning.force.com/x', new Date('2026-11-23T00:00:00Z'));

/** Fill only the named rules' requirements. */
export function fill(p: Packet, ...what: string[]): Packet {
  for (const w of what) {
    if (w === 'profile') {
      p = setField(p, 'profile.industry', 'Logistics');
      p = setField(p, 'profile.size', '800 staff');
      p = setField(p, 'profile.tier', 'A');
    } else if (w === 'contract') {
      p = setField(p, 'contract.amount', 125000);
      p = setField(p, 'contract.currency', 'USD');
      p = setField(p, 'contract.termMonths', 36);
      p = setField(p, 'contract.startDate', '2027-01-01');
      p = addItem(p, 'contract.purchases', { id: 'pl1', product: 'Analytics seats', quantity: 40 });
    } else if (w === 'whyWon') {
      p = setField(p, 'whyWon.decisivePoints', 'Fastest rollout');
      p = setField(p, 'whyWon.problemsToSolve', 'Manual reporting');
    } else if (w === 'risks') {
      p = addItem(p, 'risks.items', { id: 'r1', text: 'IT bandwidth', severity: 'medium', mitigation: 'Weekly sync with IT' });
    } else if (w === 'stakeholderWithContact') {
      p = addItem(p, 'stakeholders', { id: 's1', name: '王芳', email: 'wang@example.cn' });
    } else if (w === 'goals') {
      p = addItem(p, 'goals', { id: 'g1', goal: 'Cut data entry', target: '-30% by June' });
    } else if (w === 'followUps') {
      p = addItem(p, 'followUps', { id: 'f1', summary: 'Demo to finance' });
    } else if (w === 'serviceGroup') {
      p = setField(p, 'serviceGroup.platform', 'wecom');
      p = setField(p, 'serviceGroup.nameOrLink', 'Northwind × Baton 服务群');
    } else if (w === 'assessment') {
      p = setField(p, 'assessment.health', 'green');
      p = setField(p, 'assessment.summary', 'Solid');
    } else if (w === 'introductions') {
      p = addItem(p, 'introductions', { id: 'i1', how: 'call', attendees: 'CFO, CSM Li' });
    } else if (w === 'doneAndOpen') {
      p = setField(p, 'delivered', 'Pilot done');
    } else throw new Error(w);
  }
  return p;
}

export { updateItem };
