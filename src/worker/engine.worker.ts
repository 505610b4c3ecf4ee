/**
 * The engine worker's entry: the pure engine exposed over comlink. It imports no Office,
 * React or DOM API and loads nothing at run time (no chunks, no publicPath), so the same
 * bundle runs from a URL beside the pane or from a Blob URL (the standalone page).
 */
import { expose } from "comlink";
import { createEngine } from "./engine";

expose(createEngine());
