import type { Section } from "../types";

/** en messages, section d. Keys: rule id or `id.variant`; {name} placeholders. */
const section: Section = {};

export default section;
