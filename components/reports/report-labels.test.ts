import { describe, expect, it } from "vitest";
import { bucketLabel, periodLabel, periodTick, rangeLabel } from "./report-labels";

describe("report labels", () => {
  it("names buckets in words", () => {
    expect(bucketLabel("gender", "female")).toBe("Female");
    expect(bucketLabel("gender", "unknown")).toBe("Not given");
    expect(bucketLabel("country", "IT")).toBe("Italy");
    expect(bucketLabel("country", "Atlantis")).toBe("Atlantis");
    expect(bucketLabel("tag", "none")).toBe("No tags");
    expect(bucketLabel("source", "none")).toBe("No source");
    expect(bucketLabel("consent:marketing.automatic.email", "granted")).toBe("Granted");
    expect(bucketLabel("ageRange", "25–34")).toBe("25–34");
  });

  it("formats periods as the calendar days they are, whatever the browser's zone", () => {
    expect(periodTick("2026-11-23", "day")).toBe("23 Nov");
    expect(periodTick("2026-11-01", "month")).toBe("Nov 2026");
    expect(periodLabel("2026-11-23", "day")).toBe("23 Nov 2026");
    expect(periodLabel("2026-11-23", "week")).toBe("Week of 23 Nov 2026");
    expect(periodLabel("2026-11-01", "month")).toBe("Nov 2026");
    expect(rangeLabel("2026-11-01", "2026-11-28")).toBe("1 Nov 2026 – 28 Nov 2026");
    expect(rangeLabel("2026-11-28", "2026-11-28")).toBe("28 Nov 2026");
  });
});
