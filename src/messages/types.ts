/** One message: what is wrong (with the numbers involved), and the hint after 「建议：」. */
export interface MessageEntry {
  message: string;
  hint: string;
}
/** UI strings have no hint: use `hint: ""`. */
export type Section = Record<string, MessageEntry>;
export type Lang = "zh-CN" | "en";
