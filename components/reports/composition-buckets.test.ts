import { describe, expect, it } from "vitest";
import { chartBuckets, OTHER_BUCKET } from "./composition-buckets";

const bucket = (key: string, count: number) => ({ key, count });

describe("chartBuckets", () => {
  it("keeps every bucket when they fit, with an empty unknown bucket dropped", () => {
    const buckets = [bucket("IT", 5), bucket("FR", 3), bucket("unknown", 0)];
    expect(chartBuckets({ buckets, multiValued: false }, 3)).toEqual([bucket("IT", 5), bucket("FR", 3)]);
  });

  it("sums the smaller buckets into other when a customer sits in one bucket, unknown last", () => {
    const buckets = [bucket("IT", 9), bucket("FR", 5), bucket("DE", 3), bucket("ES", 2), bucket("unknown", 4)];
    expect(chartBuckets({ buckets, multiValued: false }, 2)).toEqual([
      bucket("IT", 9),
      bucket("FR", 5),
      bucket(OTHER_BUCKET, 5),
      bucket("unknown", 4),
    ]);
  });

  it("leaves the rest out for tags, where a sum would count customers twice", () => {
    const buckets = [bucket("vip", 9), bucket("news", 5), bucket("b2b", 3), bucket("churn", 2), bucket("none", 1)];
    expect(chartBuckets({ buckets, multiValued: true }, 2)).toEqual([
      bucket("vip", 9),
      bucket("news", 5),
      bucket("none", 1),
    ]);
  });

  it("does not fold a single bucket into other", () => {
    const buckets = [bucket("IT", 9), bucket("FR", 5), bucket("DE", 3)];
    expect(chartBuckets({ buckets, multiValued: false }, 2)).toEqual(buckets);
  });
});
