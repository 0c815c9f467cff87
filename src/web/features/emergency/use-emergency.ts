import { useQuery } from '@tanstack/react-query';
import type { EmergencySheetView } from '../../../shared/schemas/emergency';
import { api } from '../../api';

export const emergencyKey = (patientId: string) => ['emergency', patientId] as const;
export const emergencyUrl = (patientId: string, rest = '') =>
  `/api/patients/${encodeURIComponent(patientId)}/emergency${rest}`;

export function useEmergency(patientId: string) {
  return useQuery({
    queryKey: emergencyKey(patientId),
    queryFn: () => api.get<EmergencySheetView>(emergencyUrl(patientId)),
  });
}

/** Where a scanned card's token waits while the crew member signs in (never in a URL the server sees). */
export const SCANNED_TOKEN_KEY = 'tsunagu.emergency.scannedToken';
