/** `tel:` link of a phone number as written (「099-100-2000」 → tel:0991002000). */
export const telHref = (phone: string) => `tel:${phone.normalize('NFKC').replace(/[^\d+]/g, '')}`;
