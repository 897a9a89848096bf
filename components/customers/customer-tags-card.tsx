// Tags: free labels marketers filter and segment by. People who may write customers add and remove
// them in place; each change is saved at once (PATCH with the whole list: a merge patch replaces arrays).
import { Badge, Group, Loader, Paper, Stack, TagsInput, Text, Title } from "@mantine/core";
import type { Customer } from "@/lib/schemas/customers";
import { notifyError } from "@/components/ui/notify";
import { usePatchCustomer } from "./use-customer";

const MAX_TAGS = 100;

export function CustomerTagsCard({ ws, customer, canWrite }: { ws: string; customer: Customer; canWrite: boolean }) {
  const patch = usePatchCustomer(ws, customer.id);
  // While a change is saving, show it already (the server answers with the same list).
  const tags =
    patch.isPending && patch.variables && Array.isArray(patch.variables.tags)
      ? (patch.variables.tags as string[])
      : customer.tags;
  const save = (next: string[]) => {
    const cleaned = [...new Set(next.map((tag) => tag.trim()).filter(Boolean))];
    patch.mutate({ tags: cleaned }, { onError: (error) => notifyError(error, "The tags were not saved") });
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            Tags
          </Title>
          {patch.isPending ? <Loader size="xs" aria-label="Saving tags" /> : null}
        </Group>
        {canWrite ? (
          <TagsInput
            aria-label="Tags"
            value={tags}
            onChange={save}
            placeholder={tags.length ? "Add a tag" : "Add a tag, press Enter"}
            maxTags={MAX_TAGS}
            splitChars={[","]}
            clearable
            maxLength={64}
          />
        ) : tags.length > 0 ? (
          <Group gap={6}>
            {tags.map((tag) => (
              <Badge key={tag} variant="light" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No tags.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
