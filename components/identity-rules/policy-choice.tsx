// The three policies as cards that say what each does, for a marketer or DPO choosing one.
import { Group, Radio, SimpleGrid, Stack, Text } from "@mantine/core";
import { ZIdentityPolicy, type IdentityPolicy } from "@/lib/schemas/identity-rules";
import { POLICY_TEXT } from "./identity-rules-values";

const POLICIES = ZIdentityPolicy.options;

interface PolicyChoiceProps {
  value: IdentityPolicy;
  onChange: (policy: IdentityPolicy) => void;
  readOnly: boolean;
  error?: string;
}

export function PolicyChoice({ value, onChange, readOnly, error }: PolicyChoiceProps) {
  return (
    <Radio.Group
      aria-label="When a record matches an existing customer"
      value={value}
      onChange={(next) => {
        const policy = ZIdentityPolicy.safeParse(next);
        if (policy.success) onChange(policy.data);
      }}
      error={error}
      readOnly={readOnly}
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {POLICIES.map((policy) => (
          <Radio.Card
            key={policy}
            value={policy}
            radius="md"
            p="md"
            disabled={readOnly && policy !== value}
            aria-label={POLICY_TEXT[policy].label}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {POLICY_TEXT[policy].label}
                </Text>
                <Text size="xs" c="dimmed">
                  {POLICY_TEXT[policy].hint}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
