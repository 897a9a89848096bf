// "Set up a source" in empty states. The sources screen is for admins only, so callers show it to admins.
import { Button } from "@mantine/core";
import { IconPlugConnected } from "@tabler/icons-react";
import { Link } from "react-router";
import { useWorkspacePath } from "@/lib/client/current-workspace";

export function SetUpSourceButton({ variant = "filled" }: { variant?: "filled" | "default" }) {
  const toScreen = useWorkspacePath();
  return (
    <Button
      component={Link}
      to={toScreen("/settings/sources")}
      variant={variant}
      leftSection={<IconPlugConnected size={16} />}
    >
      Set up a source
    </Button>
  );
}
