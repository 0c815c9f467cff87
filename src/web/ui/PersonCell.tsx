import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { displayName: string; kana: string; loginId: string; suffix?: ReactNode };

/** The row heading of a table of people: name (bold), its reading and the login ID. */
export function PersonCell({ displayName, kana, loginId, suffix }: Props) {
  return (
    <Table.Th scope="row" fw={400}>
      <Text fw={700}>
        {displayName}
        {suffix}
      </Text>
      <Text size="sm">{kana}</Text>
      <Text size="sm" className="mono">
        {loginId}
      </Text>
    </Table.Th>
  );
}

/** Whether an account's sign-in lock (after too many wrong passwords) is still in force. */
export const lockedNow = (lockedUntil: string | null): boolean =>
  lockedUntil !== null && new Date(lockedUntil) > new Date();
