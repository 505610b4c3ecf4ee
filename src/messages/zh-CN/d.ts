import type { Section } from "../types";

/** zh-CN messages, section d. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {};

export default section;
