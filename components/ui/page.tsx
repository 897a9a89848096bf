// A screen: sets the browser tab title and renders the page header above the screen's content.
import { Box } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader, type PageHeaderProps } from "./page-header";
import { usePageTitle } from "./use-page-title";

export interface PageProps extends Omit<PageHeaderProps, "title"> {
  /** Plain text: it also becomes the browser tab title. */
  title: string;
  children?: ReactNode;
}

export function Page({ title, children, ...header }: PageProps) {
  usePageTitle(`${title} · Atrium`);
  return (
    <Box component="section">
      <PageHeader title={title} {...header} />
      {children}
    </Box>
  );
}
