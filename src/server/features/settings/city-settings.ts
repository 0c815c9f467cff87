// City settings (name, municipality code, support center) as one JSON value in the settings table.
import { eq } from 'drizzle-orm';
import type { CitySettings } from '../../../shared/schemas/settings';
import type { DbOrTx } from '../../db/client';
import { settings } from '../../db/schema';

const CITY_KEY = 'city';

/** Until the city sets its own: names that themselves ask to be set, shown on the top page. */
export const DEFAULT_CITY: CitySettings = {
  cityName: '（市の名前を設定してください）',
  prefectureName: '（都道府県）',
  municipalityCode: '000000',
  supportCenterName: '在宅医療・介護連携支援センター',
};

export async function readCitySettings(db: DbOrTx): Promise<CitySettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, CITY_KEY));
  return row ? (row.value as CitySettings) : DEFAULT_CITY;
}

export async function writeCitySettings(
  db: DbOrTx,
  value: CitySettings,
  updatedBy: string | null,
): Promise<void> {
  await db
    .insert(settings)
    .values({ key: CITY_KEY, value, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: new Date() } });
}
