import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = TableProps & {
  /** Names the table's scrolling region for screen readers (and the table's caption). */
  label: string;
  minWidth?: number;
  children: ReactNode;
};

/**
 * A table that scrolls sideways on small screens instead of squeezing its columns. The scrolling
 * region is focusable so keyboard users can scroll it too.
 */
export function ScrollTable({ label, minWidth = 640, children, ...tableProps }: Props) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="scroll-table" aria-label={label} tabIndex={0}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        horizontalSpacing="sm"
        miw={minWidth}
        captionSide="top"
        {...tableProps}
      >
        <caption className="visually-hidden">{label}</caption>
        {children}
      </Table>
    </section>
  );
}
