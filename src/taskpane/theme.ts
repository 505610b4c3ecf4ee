/**
 * Light or dark, as Office shows it: `Office.context.officeTheme` where the host gives it (its
 * body background's lightness), else the system's `prefers-color-scheme`.
 */
export type ThemeName = "light" | "dark";

/** Relative lightness 0..1 of "#RRGGBB" (null when not a colour). */
export function lightness(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function officeThemeName(): ThemeName | null {
  try {
    if (typeof Office === "undefined") return null;
    const theme = Office.context?.officeTheme as { bodyBackgroundColor?: string } | undefined;
    const l = lightness(theme?.bodyBackgroundColor);
    return l === null ? null : l < 0.5 ? "dark" : "light";
  } catch {
    return null;
  }
}

export function systemThemeName(): ThemeName {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function currentTheme(): ThemeName {
  return officeThemeName() ?? systemThemeName();
}
