// The wishes in an emergency, as the current 人生会議 record states them (its labels and words), for
// the care team's page, the crew's screen and the printed sheet.
import { acpRecord, emergencyWishKeys } from '../../../shared/forms/acp-record';
import { fieldsOf } from '../../../shared/forms/definition';
import type { EmergencyWishes } from '../../../shared/schemas/emergency';
import { FactList } from '../../ui/FactList';
import { shownValue } from '../../ui/FormSheet';

const wishFields = fieldsOf(acpRecord).filter((field) =>
  (emergencyWishKeys as readonly string[]).includes(field.key),
);

/** The wish fields in the order an ambulance crew needs them (CPR and transport first). */
export const orderedWishFields = emergencyWishKeys.flatMap((key) => wishFields.filter((f) => f.key === key));

export function WishesList({ wishes, notSet }: { wishes: EmergencyWishes; notSet: string }) {
  return (
    <FactList
      items={orderedWishFields.map(
        (field) => [field.label, shownValue(field, wishes.values[field.key]) || notSet] as const,
      )}
    />
  );
}
