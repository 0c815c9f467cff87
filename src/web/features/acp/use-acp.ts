import { useQuery } from '@tanstack/react-query';
import type { AcpOverview } from '../../../shared/schemas/acp';
import { api } from '../../api';

export const acpKey = (patientId: string) => ['acp', patientId] as const;
export const acpUrl = (patientId: string, rest = '') =>
  `/api/patients/${encodeURIComponent(patientId)}/acp${rest}`;

export function useAcp(patientId: string) {
  return useQuery({ queryKey: acpKey(patientId), queryFn: () => api.get<AcpOverview>(acpUrl(patientId)) });
}
