// A Mantine NavLink that navigates with react-router and highlights itself while its path (or any path
// below it) is open, so /customers/123 keeps "Customers" active.
import { NavLink, type NavLinkProps } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import { Link, useMatch } from "react-router";

export interface RouterNavLinkProps {
  to: string;
  label: string;
  icon: Icon;
  /** Called after navigating, e.g. to close the mobile navbar. */
  onNavigate?: () => void;
  /** Width, responsive if needed (a row of links on phones must not stretch each link). */
  w?: NavLinkProps["w"];
}

export function RouterNavLink({ to, label, icon: IconComponent, onNavigate, w }: RouterNavLinkProps) {
  const active = useMatch({ path: to, end: false }) !== null;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? "page" : undefined}
      leftSection={<IconComponent size={18} stroke={1.6} />}
      onClick={onNavigate}
      variant="light"
      fw={500}
      w={w}
      style={{ borderRadius: "var(--mantine-radius-md)" }}
    />
  );
}
