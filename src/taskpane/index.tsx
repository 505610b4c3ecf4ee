/**
 * Task pane entry. Inside Excel the pane drives the workbook through Office.js; anywhere else
 * (a plain browser, the browser test) it shows the same UI in a preview state and works on a
 * port handed to it as `window.__jixiaoTestPort`, if any.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { excelHost } from "./excel";
import { portHost, type PaneHost } from "./host";

function render(host: PaneHost, preview: boolean): void {
  const el = document.getElementById("container");
  if (!el) return;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preview={preview} />
    </FluentProvider>,
  );
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
