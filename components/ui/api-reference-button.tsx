// "API reference" in empty states: the served OpenAPI reference, in a new tab so the screen stays open.
import { Button } from "@mantine/core";
import { IconBook2 } from "@tabler/icons-react";

export function ApiReferenceButton() {
  return (
    <Button component="a" href="/docs/api" target="_blank" variant="default" leftSection={<IconBook2 size={16} />}>
      API reference
    </Button>
  );
}
