// A report's numbers as a real table: a caption naming it, column headers, the first column as row
// headers, numbers right-aligned in tabular figures so that they line up for comparison.
import { Table } from "@mantine/core";
import type { ReactNode } from "react";

export interface ReportTableProps {
  caption: string;
  columns: string[];
  /** The first cell of each row heads it (a period or bucket); the rest are numbers or short text. */
  rows: Array<{ key: string; cells: [ReactNode, ...ReactNode[]] }>;
}

export function ReportTable({ caption, columns, rows }: ReportTableProps) {
  return (
    <Table striped highlightOnHover stickyHeader captionSide="top" fz="sm" verticalSpacing={6}>
      <Table.Caption style={{ textAlign: "left", marginTop: 0 }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, index) => (
            <Table.Th key={column} scope="col" ta={index === 0 ? "left" : "right"}>
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={500}>
              {row.cells[0]}
            </Table.Th>
            {row.cells.slice(1).map((cell, index) => (
              <Table.Td key={index} ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
