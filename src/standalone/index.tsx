/**
 * Entry of the standalone page (dist/jixiao.html): the task pane's UI over the files the user
 * chooses, the engine in a worker started from the page itself. No Office, no server.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StandalonePage } from "./components/StandalonePage";
import { Session } from "./session";
import { startEngineWorker, type EngineWorker } from "./worker";

// Started on first use (the page paints first), again if it ever fails.
let engine: EngineWorker | null = null;
const session = new Session(() => {
  if (!engine || engine.dead) engine = startEngineWorker();
  return engine;
});

const el = document.getElementById("container");
if (el) {
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <StandalonePage session={session} />
    </FluentProvider>,
  );
}
