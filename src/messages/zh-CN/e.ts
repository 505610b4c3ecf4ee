import type { Section } from "../types";

/** zh-CN messages, section e. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {};

export default section;
