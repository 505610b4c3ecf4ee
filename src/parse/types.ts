/** What the value parsers return. A parser never throws. */

export type Operator = "≥" | ">" | "=" | "<" | "≤";

/** Qualitative tiers (domain.md §2): 达成 / 部分达成 / 未达成. */
export type Tier = "achieved" | "partial" | "failed";

export type ParsedValue =
  | { kind: "empty" }
  | {
      kind: "number";
      /** Operator as written; null when the value was bare. */
      operator: Operator | null;
      value: number;
      /** Canonical unit: "%" for 百分比 and %, "万元", "元", "亿元", "人次", "个", …; null when none. */
      unit: string | null;
      /** 「约50」: an approximate number (worth a warning). */
      approx: boolean;
    }
  | { kind: "tier"; tier: Tier; text: string }
  /** A date or deadline for 时效: ISO yyyy-mm-dd of the latest day meant (「2024年12月底前」 → 2024-12-31). */
  | { kind: "date"; operator: Operator | null; date: string; text: string }
  /** Text that is none of the above (「进一步提高」, 「见附件」). */
  | { kind: "text"; text: string };

export type NumberResult = { ok: true; value: number; unit: string | null; approx: boolean } | { ok: false; reason: string };
