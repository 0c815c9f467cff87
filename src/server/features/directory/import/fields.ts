// The fields an import may write, and the ones it leaves alone once an organisation maintains its own
// entry. Organisation-only fields (capabilities, procedures, vacancy, languages, notes, ケアマネタイム,
// organisation, maintained_at) are not in the list at all: no import can ever write them.
import type { ServicePointFields } from '../service-points';

export const importedFieldNames = [
  'serviceName',
  'name',
  'kana',
  'municipalityCode',
  'prefecture',
  'municipality',
  'address',
  'building',
  'latitude',
  'longitude',
  'phone',
  'fax',
  'url',
  'email',
  'corporateNumber',
  'corporateName',
  'openWeekdays',
  'hours',
  'hoursNote',
  'capacity',
  'beds',
  'departments',
  'sourceNote',
] as const satisfies readonly (keyof ServicePointFields)[];
export type ImportedFieldName = (typeof importedFieldNames)[number];
export type ImportedFields = Partial<Pick<ServicePointFields, ImportedFieldName>>;

/**
 * Contact details and opening hours: the open data is often older than what the organisation itself
 * says, so once it has maintained its entry (`maintained_at` set) these follow the organisation.
 * Name, address, location and the official facts keep following the official files.
 */
export const maintainedContactFields: readonly ImportedFieldName[] = [
  'phone',
  'fax',
  'url',
  'email',
  'openWeekdays',
  'hours',
  'hoursNote',
];

export type IdentityScheme = 'kaigo' | 'medical';
export type Identity = { scheme: IdentityScheme; officialCode: string; serviceCode: string };

export const identityKey = (identity: Identity) =>
  `${identity.scheme}|${identity.officialCode}|${identity.serviceCode}`;

/** One service point a row describes. `anyKind`: match the official code under any service code. */
export type MappedPoint = { identity: Identity; fields: ImportedFields; line: number; anyKind?: boolean };

/** What a row gave: its points, or why it was refused. Repairs are on the row. */
export type RowOutcome = { points: MappedPoint[] } | { rejection: string };

/** Empty defaults of a new point for the fields a layout does not carry. */
export const newPointDefaults: Required<ImportedFields> = {
  serviceName: null,
  name: '',
  kana: '',
  municipalityCode: null,
  prefecture: null,
  municipality: null,
  address: '',
  building: null,
  latitude: null,
  longitude: null,
  phone: null,
  fax: null,
  url: null,
  email: null,
  corporateNumber: null,
  corporateName: null,
  openWeekdays: 0,
  hours: null,
  hoursNote: null,
  capacity: null,
  beds: null,
  departments: [],
  sourceNote: null,
};
