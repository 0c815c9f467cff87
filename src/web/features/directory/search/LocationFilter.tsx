import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../parts/fields';
import { roundCoordinate } from './search-params';

export type Place = { lat: string; lon: string; radius: string };
type Props = {
  value: Place;
  onChange: (value: Place) => void;
  /** The reader's position was found: search around it at once. */
  onLocated: (value: Place) => void;
};

const radii = ['1', '2', '3', '5', '10', '20'];
const DEFAULT_RADIUS = '3';

/** 「現在地から探す」: the browser's position (asked only on the button), and a radius. */
export function LocationFilter({ value, onChange, onLocated }: Props) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const locate = () => {
    if (locating) return;
    setProblem(null);
    if (!('geolocation' in navigator)) return setProblem(t('directory.location.unsupported'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onLocated({
          lat: roundCoordinate(position.coords.latitude),
          lon: roundCoordinate(position.coords.longitude),
          radius: value.radius || DEFAULT_RADIUS,
        });
      },
      (error) => {
        setLocating(false);
        setProblem(
          t(
            error.code === error.PERMISSION_DENIED
              ? 'directory.location.denied'
              : 'directory.location.unavailable',
          ),
        );
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 5 * 60_000 },
    );
  };

  const located = value.lat !== '' && value.lon !== '';
  return (
    <fieldset className="dir-fieldset">
      <legend>{t('directory.location.legend')}</legend>
      {located ? (
        <>
          <Text size="sm" mb="xs">
            {t('directory.location.set', { lat: value.lat, lon: value.lon })}
          </Text>
          <Group align="flex-end" gap="sm">
            <SelectField
              label={t('directory.location.radius')}
              value={value.radius || DEFAULT_RADIUS}
              onChange={(radius) => onChange({ ...value, radius })}
            >
              {radii.map((km) => (
                <option key={km} value={km}>
                  {t('directory.location.radiusKm', { km })}
                </option>
              ))}
            </SelectField>
            <Button variant="default" onClick={() => onChange({ lat: '', lon: '', radius: '' })}>
              {t('directory.location.clear')}
            </Button>
          </Group>
        </>
      ) : (
        <Button variant="default" onClick={locate} aria-live="polite">
          {locating ? t('directory.location.locating') : t('directory.location.use')}
        </Button>
      )}
      {problem && (
        <Text role="alert" c="red.9" size="sm" mt="xs">
          {problem}
        </Text>
      )}
    </fieldset>
  );
}
