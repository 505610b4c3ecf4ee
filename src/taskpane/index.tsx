/**
 * Task pane entry. Inside Excel the pane drives the workbook through Office.js; anywhere else
 * (a plain browser, the browser test) it shows the same UI in a preview state and works on a
 * port handed to it as `window.__jixiaoTestPort`, if any. The theme follows Office (dark too),
 * else the system's colour scheme.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { excelHost } from "./excel";
import { portHost, type PaneHost } from "./host";
import { currentTheme, type ThemeName } from "./theme";

function Root({ host, preview }: { host: PaneHost; preview: boolean }): React.JSX.Element {
  const [theme, setTheme] = React.useState<ThemeName>(currentTheme);
  React.useEffect(() => {
    const update = () => setTheme(currentTheme());
    const mq = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
    mq?.addEventListener("change", update);
    try {
      // Excel raises this when the user switches the Office theme (where supported).
      Office.context?.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, update);
    } catch {
      // not in Office, or the host has no theme event
    }
    return () => mq?.removeEventListener("change", update);
  }, []);
  React.useEffect(() => {
    document.documentElement.style.colorScheme = theme;
    document.body.style.background = theme === "dark" ? webDarkTheme.colorNeutralBackground1 : webLightTheme.colorNeutralBackground1;
  }, [theme]);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} data-theme={theme} style={{ minHeight: "100vh" }}>
      <App host={host} preview={preview} />
    </FluentProvider>
  );
}

function render(host: PaneHost, preview: boolean): void {
  const el = document.getElementById("container");
  if (!el) return;
  createRoot(el).render(<Root host={host} preview={preview} />);
}

const preview = (): PaneHost => portHost(() => window.__jixiaoTestPort);

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(excelHost(), false);
    else render(preview(), true);
  });
} else {
  render(preview(), true);
}
