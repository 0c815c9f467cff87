// Labelled facts of one thing (a term and its value), two columns on a wide screen, one on a phone.
import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function FactList({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="xs" verticalSpacing={4} m={0}>
      {items.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="sm" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
