// Where a step stands, in words and colour (not colour alone): 期限超過, 期限間近, 済 …
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EpisodeStepView } from '../../../shared/schemas/admission-episodes';

const colours: Record<EpisodeStepView['timing'], string> = {
  overdue: 'red',
  due_soon: 'orange',
  later: 'blue',
  no_date: 'gray',
  on_time: 'green',
  late: 'yellow',
  closed: 'gray',
  missed: 'red',
};

export function TimingBadge({ timing }: { timing: string }) {
  const { t } = useTranslation();
  const key = timing as EpisodeStepView['timing'];
  return (
    <Badge color={colours[key]} variant={key === 'overdue' ? 'filled' : 'light'} size="lg">
      {t(`admission.episode.timing.${key}`)}
    </Badge>
  );
}
