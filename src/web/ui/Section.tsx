import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card; the heading names the section for screen readers too. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby={id}>
      <Title order={2} id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}
