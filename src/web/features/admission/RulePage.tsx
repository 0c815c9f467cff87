// `/admission/rule` — the admission and discharge support rule (入退院支援ルール) in force: its
// deadlines in plain words, its text and every version; city and center staff write a new version.
import { Alert, Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInJapan } from '../../../shared/dates';
import type { RuleOverview, RuleVersion } from '../../../shared/schemas/admission-rule';
import { api } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FactList } from '../../ui/FactList';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import { RuleVersionForm } from './RuleVersionForm';

const ruleKey = ['admission', 'rule'] as const;

export default function RulePage() {
  const { t } = useTranslation();
  const rule = useQuery({ queryKey: ruleKey, queryFn: () => api.get<RuleOverview>('/api/admission/rule') });
  return (
    <Stack gap="xl">
      <PageTitle title={t('admission.rule.title')} />
      {rule.isPending && <Loading />}
      <ErrorAlert error={rule.error} />
      {rule.data && <RuleContent overview={rule.data} />}
    </Stack>
  );
}

function RuleContent({ overview }: { overview: RuleOverview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = todayInJapan();
  const waiting = overview.versions.filter((version) => version.effectiveFrom > today);
  return (
    <>
      {overview.current ? (
        <CurrentRule version={overview.current} overview={overview} />
      ) : (
        <Text>{t('admission.rule.none')}</Text>
      )}
      {waiting.map((version) => (
        <Alert key={version.id} color="blue" role="status">
          {t('admission.rule.waiting', { version: version.version })}{' '}
          <DateText value={version.effectiveFrom} />
        </Alert>
      ))}
      {overview.versions.length > 0 && <VersionTable versions={overview.versions} />}
      <Text>
        <Anchor component={Link} to="/admission/forms">
          {t('admission.forms.title')}
        </Anchor>
      </Text>
      {overview.mayEdit && (
        <RuleVersionForm
          latest={overview.versions[0] ?? null}
          onSaved={(next) => queryClient.setQueryData(ruleKey, next)}
        />
      )}
    </>
  );
}

/** 12-29 as 12月29日. */
const monthDay = (value: string) => {
  const [month, day] = value.split('-').map(Number);
  return `${month}月${day}日`;
};

/** The deadlines of a version, in the words a care manager or an MSW would use. */
function useDeadlineFacts(version: RuleVersion): [string, string][] {
  const { t } = useTranslation();
  const p = version.parameters;
  const unit = t(`admission.rule.unit.${p.dayCounting}`);
  return [
    [
      t('admission.rule.counting'),
      p.dayCounting === 'business'
        ? p.yearEndClosure
          ? t('admission.rule.businessWithClosure', {
              from: monthDay(p.yearEndClosure.from),
              to: monthDay(p.yearEndClosure.to),
            })
          : t('admission.rule.business')
        : t('admission.rule.calendar'),
    ],
    [
      t('admission.rule.admissionInfo'),
      t('admission.rule.admissionInfoDue', { n: p.admissionInfoDays, unit }),
    ],
    [
      t('admission.rule.dischargeNotice'),
      t('admission.rule.dischargeNoticeDue', { n: p.dischargeNoticeDaysBefore, unit }),
    ],
    [t('admission.rule.conference'), p.conferenceCriteria || t('admission.rule.conferenceNone')],
    [
      t('admission.rule.dischargeInfo'),
      t('admission.rule.dischargeInfoDue', { n: p.dischargeInfoDays, unit }),
    ],
    ...p.admissionInfoFees.map(
      (fee) =>
        [
          `${fee.label}（${t('admission.rule.unitsOf', { units: fee.units })}）`,
          fee.withinDays === 0
            ? t('admission.rule.feeSameDay')
            : t('admission.rule.feeDue', { n: fee.withinDays, unit }),
        ] as [string, string],
    ),
  ];
}

function CurrentRule({ version, overview }: { version: RuleVersion; overview: RuleOverview }) {
  const { t } = useTranslation();
  const facts = useDeadlineFacts(version);
  const example = overview.exampleDeadlines;
  return (
    <Section id="rule-current" title={version.title}>
      <Stack>
        <Group gap="xs">
          <Badge variant="light" size="lg">
            {t('admission.rule.versionBadge', { version: version.version })}
          </Badge>
          <Text>
            {t('admission.rule.effectiveFrom')}: <DateText value={version.effectiveFrom} />
          </Text>
          {version.isExample && (
            <Badge color="orange" variant="filled" size="lg">
              {t('admission.rule.example')}
            </Badge>
          )}
        </Group>
        {version.isExample && <Text fw={700}>{t('admission.rule.exampleNote')}</Text>}
        <FactList items={facts} />
        {example && (
          <Text>
            {t('admission.rule.exampleDeadline')} <DateText value={example.admissionInfoDue} />
          </Text>
        )}
        <Text component="div" style={{ whiteSpace: 'pre-wrap' }}>
          {version.body}
        </Text>
      </Stack>
    </Section>
  );
}

function VersionTable({ versions }: { versions: RuleVersion[] }) {
  const { t } = useTranslation();
  return (
    <Section id="rule-versions" title={t('admission.rule.versions')}>
      <ScrollTable label={t('admission.rule.versions')} minWidth={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admission.rule.version')}</Table.Th>
            <Table.Th>{t('admission.rule.name')}</Table.Th>
            <Table.Th>{t('admission.rule.effectiveFrom')}</Table.Th>
            <Table.Th>{t('admission.rule.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Td>{t('admission.rule.versionBadge', { version: version.version })}</Table.Td>
              <Table.Td>{version.title}</Table.Td>
              <Table.Td>
                <DateText value={version.effectiveFrom} />
              </Table.Td>
              <Table.Td>
                <DateText value={version.createdAt} time />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Section>
  );
}
