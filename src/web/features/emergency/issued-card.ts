// The card just issued, handed from the sheet's page to the print page in this tab's memory only: not
// in a URL, not in the history's state (which survives a reload and Back). A reload of the print page
// loses it — the platform keeps only the hashes, so a lost print is a reissue.
import type { KitIssued } from '../../../shared/schemas/emergency';

let issued: KitIssued | null = null;

export function keepIssuedCard(card: KitIssued): void {
  issued = card;
}

/** The card to print (null when none was just issued). */
export const issuedCard = (): KitIssued | null => issued;

/** Forgets it once the print page is left. */
export function forgetIssuedCard(): void {
  issued = null;
}
