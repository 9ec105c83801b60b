// The options page's sections, in page order, and who sees each (issue 11):
// everyone signs in; managers and admins get the team's cards (claims, health,
// reassignment, template, engagement, the drafting model, the relay, the sync meeting's agenda); reps,
// CSMs and managers their handoff retrospectives; admins the people; the custom CRM adapter is for an
// admin, or for this browser alone when signed out (an IT preset comes through
// managed storage instead).
import type { Section } from '../shared/section';
import { ClaimManagement } from './ClaimManagement';
import { CustomAdapterEditor } from './CustomAdapterEditor';
import { DraftingCard } from './DraftingCard';
import { EngagementEditor } from './EngagementEditor';
import { HealthTrends } from './HealthTrends';
import { Retrospectives } from './Retrospectives';
import { RelayEditor } from './RelayEditor';
import { ReassignCard } from './ReassignCard';
import { ServerSignIn } from './ServerSignIn';
import { SignInPolicyCard } from './SignInPolicyCard';
import { SyncAgenda } from './SyncAgenda';
import { TeamHealth } from './TeamHealth';
import { TemplateEditor } from './TemplateEditor';
import { UserManagement } from './UserManagement';
import { WebhookCard } from './WebhookCard';

export interface OptionsContext {
  /** false until storage has said who is signed in: then no role's cards show */
  known: boolean;
  /** the signed-in person's role; undefined when signed out (or not yet known) */
  role: string | undefined;
}

const manages = (c: OptionsContext) => c.role === 'manager' || c.role === 'admin';

export const optionsSections: Section<OptionsContext>[] = [
  { id: 'sign-in', when: () => true, Panel: ServerSignIn },
  // The handoff's retrospective: the reviewer's due reviews, the rep's reviews received (issue 16).
  { id: 'retrospectives', when: (c) => ['rep', 'csm', 'manager', 'admin'].includes(c.role ?? ''), Panel: Retrospectives },
  { id: 'claims', when: manages, Panel: ClaimManagement },
  { id: 'team-health', when: manages, Panel: TeamHealth },
  { id: 'health-trends', when: manages, Panel: HealthTrends },
  { id: 'sync-agenda', when: manages, Panel: SyncAgenda },
  { id: 'reassign', when: manages, Panel: ReassignCard },
  { id: 'template', when: manages, Panel: TemplateEditor },
  { id: 'engagement', when: manages, Panel: EngagementEditor },
  { id: 'relay', when: manages, Panel: RelayEditor },
  { id: 'webhooks', when: manages, Panel: WebhookCard },
  { id: 'sign-in-policy', when: manages, Panel: SignInPolicyCard },
  { id: 'drafting', when: manages, Panel: DraftingCard },
  { id: 'users', when: (c) => c.role === 'admin', Panel: UserManagement },
  { id: 'custom-adapter', when: (c) => c.known && (!c.role || c.role === 'admin'), Panel: CustomAdapterEditor },
];
