import type { OrganisationKind } from '../../../shared/identity';
import type { OrganisationView } from '../../../shared/schemas/organisations';
import type { organisations } from '../../db/schema';

export function organisationToView(org: typeof organisations.$inferSelect): OrganisationView {
  return {
    id: org.id,
    name: org.name,
    kana: org.kana,
    kind: org.kind as OrganisationKind,
    areaId: org.areaId,
    phone: org.phone,
    address: org.address,
    active: org.active,
    createdAt: org.createdAt.toISOString(),
  };
}
